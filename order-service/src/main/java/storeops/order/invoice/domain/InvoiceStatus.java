package storeops.order.invoice.domain;

/** An invoice request is open until issued; one mailed later is done when mailed. There is no refused state. */
public enum InvoiceStatus {
    REQUESTED, ISSUED, MAILED;

    public boolean open() {
        return this == REQUESTED;
    }
}
