package storeops.order.refund.rest;

import java.math.BigDecimal;
import java.util.List;
import storeops.order.domain.OrderStatus;

/**
 * An order's refunds beside its money: {@code grossPaidAmount} is the goods amount the buyer paid
 * (what paid metrics keep), {@code netAmount} what remains after successful refunds.
 */
public record OrderRefundSummary(String orderNo, OrderStatus status, BigDecimal grossPaidAmount,
        BigDecimal refundedAmount, BigDecimal netAmount, List<Line> lines, List<RefundView> refunds) {

    /** Per child order: paid, refunded, still requested (in progress) and what may still be asked for. */
    public record Line(int lineNo, BigDecimal payment, BigDecimal refunded, BigDecimal requested,
            BigDecimal refundable) {
    }
}
