package storeops.order.refund.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import storeops.order.refund.domain.GoodsCondition;
import storeops.order.refund.domain.Refund;
import storeops.order.refund.domain.RefundPhase;
import storeops.order.refund.domain.RefundReasonCode;
import storeops.order.refund.domain.RefundStatus;
import storeops.order.refund.domain.RefundStatusChange;
import storeops.order.refund.domain.RefundType;
import storeops.order.refund.domain.ReturnEligibility;

/** A refund as the API answers it; the history and the return eligibility only on the single read. */
public record RefundView(String refundId, String orderNo, int lineNo, BigDecimal amount, RefundType type,
        String reason, RefundReasonCode reasonCode, RefundPhase phase, RefundStatus status, Instant appliedAt,
        Instant modifiedAt, String returnCarrier, String returnTrackingNo, Instant returnShippedAt,
        Instant receivedAt, GoodsCondition condition, Instant succeededAt, Instant closedAt,
        ReturnEligibility returnEligibility, List<HistoryEntry> history) {

    public record HistoryEntry(RefundStatus from, RefundStatus to, String event, Instant at, String actor,
            String detail) {
        static HistoryEntry of(RefundStatusChange c) {
            return new HistoryEntry(c.fromStatus, c.toStatus, c.event, c.at, c.actor, c.detail);
        }
    }

    public static RefundView of(Refund r) {
        return of(r, null, null);
    }

    public static RefundView of(Refund r, ReturnEligibility eligibility, List<RefundStatusChange> history) {
        return new RefundView(r.refundId, r.orderNo, r.lineNo, r.amount, r.type, r.reason, r.reasonCode, r.phase,
                r.status, r.appliedAt, r.modifiedAt, r.returnCarrier, r.returnTrackingNo, r.returnShippedAt,
                r.receivedAt, r.condition(), r.succeededAt, r.closedAt, eligibility,
                history == null ? null : history.stream().map(HistoryEntry::of).toList());
    }
}
