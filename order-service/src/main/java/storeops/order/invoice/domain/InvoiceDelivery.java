package storeops.order.invoice.domain;

/** In the parcel with the goods, or mailed later at the seller's cost. */
public enum InvoiceDelivery {
    WITH_GOODS, MAIL_LATER
}
