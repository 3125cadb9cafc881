package storeops.order.refund.domain;

/** One event applied to a refund: the history row it leaves. */
public record RefundTransition(RefundStatus from, RefundStatus to, String event) {
}
