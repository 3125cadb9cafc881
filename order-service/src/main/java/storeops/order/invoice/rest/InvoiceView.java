package storeops.order.invoice.rest;

import java.time.Instant;
import storeops.order.invoice.domain.InvoiceDelivery;
import storeops.order.invoice.domain.InvoiceRequest;
import storeops.order.invoice.domain.InvoiceStatus;
import storeops.order.invoice.domain.TitleType;

public record InvoiceView(String requestId, String orderNo, TitleType titleType, String title, String taxNumber,
        InvoiceDelivery delivery, InvoiceStatus status, Instant requestedAt, Instant issuedAt, String invoiceNo,
        Instant mailedAt, String carrier, String trackingNo) {

    /** A personal title is a person's name: only the operator and the ERP see it whole. */
    public static InvoiceView of(InvoiceRequest r, boolean reveal) {
        String title = reveal || r.titleType == TitleType.COMPANY ? r.title : masked(r.title);
        return new InvoiceView(r.requestId, r.orderNo, r.titleType, title, r.taxNumber, r.delivery, r.status,
                r.requestedAt, r.issuedAt, r.invoiceNo, r.mailedAt, r.carrier, r.trackingNo);
    }

    private static String masked(String name) {
        return name.isEmpty() ? name : name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
    }
}
