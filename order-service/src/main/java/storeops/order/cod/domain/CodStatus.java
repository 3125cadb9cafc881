package storeops.order.cod.domain;

/** A cash-on-delivery order is confirmed with the buyer (by phone or chat) before it may ship. */
public enum CodStatus {
    AWAITING_CONFIRMATION, CONFIRMED
}
