package storeops.order.refund.domain;

/** 售中 (before the buyer received the goods) or 售后 (after). */
public enum RefundPhase {
    IN_SALE, AFTER_SALE
}
