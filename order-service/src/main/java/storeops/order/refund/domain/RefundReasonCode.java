package storeops.order.refund.domain;

/** The platform's refund reasons, as contract.md lists them. */
public enum RefundReasonCode {
    OUT_OF_STOCK, NOT_SHIPPED_IN_TIME, QUALITY, NO_REASON_7_DAYS, NOT_AS_DESCRIBED, OTHER;

    /** The buyer asked because the seller did not ship: the seller owes the late-shipment compensation. */
    public boolean owesLateShipment() {
        return this == OUT_OF_STOCK || this == NOT_SHIPPED_IN_TIME;
    }
}
