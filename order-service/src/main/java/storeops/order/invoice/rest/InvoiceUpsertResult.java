package storeops.order.invoice.rest;

import storeops.order.invoice.domain.InvoiceStatus;

public record InvoiceUpsertResult(String requestId, Outcome outcome, InvoiceStatus status) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }
}
