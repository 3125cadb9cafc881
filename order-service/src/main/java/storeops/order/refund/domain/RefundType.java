package storeops.order.refund.domain;

/** 仅退款 or 退货退款. */
public enum RefundType {
    REFUND_ONLY, RETURN_AND_REFUND
}
