package storeops.order.refund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import storeops.common.persistence.EpochMillisConverter;
import storeops.common.problem.IllegalTransitionException;

/**
 * A refund of one child order (子订单), refund-only or return-and-refund, for all or part of its
 * payment. One method per business event; each refuses a state it does not allow with a 409.
 */
@Entity
@Table(name = "refunds")
@IdClass(Refund.Key.class)
public class Refund {

    @Id
    @Column(name = "shop_id")
    public String shopId;

    @Id
    @Column(name = "refund_id")
    public String refundId;

    @Column(name = "order_no", nullable = false)
    public String orderNo;

    @Column(name = "line_no", nullable = false)
    public int lineNo;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RefundType type;

    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code", nullable = false)
    public RefundReasonCode reasonCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RefundPhase phase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RefundStatus status;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;

    @Column(name = "return_carrier")
    public String returnCarrier;

    @Column(name = "return_tracking_no")
    public String returnTrackingNo;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "return_shipped_at")
    public Instant returnShippedAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "received_at")
    public Instant receivedAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "succeeded_at")
    public Instant succeededAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "packaging_intact")
    public Boolean packagingIntact;

    @Column(name = "tags_intact")
    public Boolean tagsIntact;

    @Column(name = "accessories_complete")
    public Boolean accessoriesComplete;

    public Boolean resellable;

    @Column(name = "quality_problem")
    public Boolean qualityProblem;

    @Version
    public long version;

    /** The seller agrees: a refund-only is paid out at once, a return waits for the buyer's parcel. */
    public RefundTransition agree(Instant at) {
        require(status == RefundStatus.WAIT_SELLER_AGREE, "agree");
        return type == RefundType.REFUND_ONLY ? succeed(at, "agree")
                : move(RefundStatus.WAIT_BUYER_RETURN_GOODS, at, "agree");
    }

    /** The seller refuses the application, or refuses the returned goods after inspecting them. */
    public RefundTransition refuse(Instant at) {
        require(status == RefundStatus.WAIT_SELLER_AGREE || status == RefundStatus.WAIT_SELLER_CONFIRM_GOODS, "refuse");
        return move(RefundStatus.SELLER_REFUSE_BUYER, at, "refuse");
    }

    /** The buyer ships the return parcel; the caller has checked the return window. */
    public RefundTransition returnShipped(Instant at, String carrier, String trackingNo) {
        require(status == RefundStatus.WAIT_BUYER_RETURN_GOODS, "return-shipped");
        returnCarrier = carrier;
        returnTrackingNo = trackingNo;
        returnShippedAt = at;
        return move(RefundStatus.WAIT_SELLER_CONFIRM_GOODS, at, "return-shipped");
    }

    /**
     * The seller receives the parcel and records the goods' condition; the status stays until the
     * refund is completed or refused, so that the inspection is its own event in the history.
     */
    public RefundTransition receive(Instant at, GoodsCondition condition) {
        require(status == RefundStatus.WAIT_SELLER_CONFIRM_GOODS && receivedAt == null, "receive");
        receivedAt = at;
        packagingIntact = condition.packagingIntact();
        tagsIntact = condition.tagsIntact();
        accessoriesComplete = condition.accessoriesComplete();
        resellable = condition.resellable();
        qualityProblem = condition.qualityProblem();
        return move(RefundStatus.WAIT_SELLER_CONFIRM_GOODS, at, "receive");
    }

    /**
     * The money goes back: after the returned goods were received, or for a refund-only that the
     * platform pays because the seller let the answer time out.
     */
    public RefundTransition complete(Instant at) {
        boolean returned = status == RefundStatus.WAIT_SELLER_CONFIRM_GOODS && receivedAt != null;
        boolean refundOnly = status == RefundStatus.WAIT_SELLER_AGREE && type == RefundType.REFUND_ONLY;
        require(returned || refundOnly, "complete");
        return succeed(at, "complete");
    }

    /** Withdrawn by the buyer or timed out. */
    public RefundTransition close(Instant at) {
        require(status.inProgress(), "close");
        closedAt = at;
        return move(RefundStatus.CLOSED, at, "close");
    }

    /** The platform reports a later status; steps it skipped are allowed, going back is not. */
    public RefundTransition syncTo(RefundStatus target, Instant at) {
        if (target == status) {
            return null;
        }
        if (!status.canReach(target)) {
            throw new IllegalTransitionException("Refund " + refundId, status, "sync to " + target);
        }
        if (target == RefundStatus.SUCCESS) {
            return succeed(at, "platform-sync");
        }
        if (target == RefundStatus.CLOSED) {
            closedAt = at;
        }
        return move(target, at, "platform-sync");
    }

    public GoodsCondition condition() {
        return new GoodsCondition(packagingIntact, tagsIntact, accessoriesComplete, resellable, qualityProblem);
    }

    private RefundTransition succeed(Instant at, String event) {
        succeededAt = at;
        return move(RefundStatus.SUCCESS, at, event);
    }

    private RefundTransition move(RefundStatus to, Instant at, String event) {
        RefundStatus from = status;
        status = to;
        if (modifiedAt == null || at.isAfter(modifiedAt)) {
            modifiedAt = at;
        }
        return new RefundTransition(from, to, event);
    }

    private void require(boolean allowed, String event) {
        if (!allowed) {
            String state = status == RefundStatus.WAIT_SELLER_CONFIRM_GOODS
                    ? status + (receivedAt == null ? " (goods not received yet)" : " (goods received)") : status.name();
            throw new IllegalTransitionException("Refund " + refundId, state, event);
        }
    }

    public static class Key implements Serializable {
        public String shopId;
        public String refundId;

        public Key() {
        }

        public Key(String shopId, String refundId) {
            this.shopId = shopId;
            this.refundId = refundId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(shopId, k.shopId) && Objects.equals(refundId, k.refundId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(shopId, refundId);
        }
    }
}
