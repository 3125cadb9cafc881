package storeops.order.domain;

/** Who caused a status change, as the status history records it. */
public enum Actor {
    /** An ERP or the platform pushing the order as it knows it. */
    ERP_SYNC,
    BUYER,
    SELLER,
    /** A timed rule of the service: unpaid close, automatic completion. */
    SCHEDULER,
    /** The platform itself, e.g. a refund it settled. */
    PLATFORM
}
