package storeops.order.domain;

/** Taobao's trade statuses, as ERP systems know them (rules.md). */
public enum OrderStatus {
    WAIT_BUYER_PAY,
    WAIT_SELLER_SEND_GOODS,
    WAIT_BUYER_CONFIRM_GOODS,
    TRADE_FINISHED,
    TRADE_CLOSED,
    TRADE_CLOSED_BY_TAOBAO,
    PAID_FORBID_CONSIGN,
    SELLER_CONSIGNED_PART,
    TRADE_BUYER_SIGNED
}
