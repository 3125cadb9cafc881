package storeops.order.invoice.rest;

import java.time.Instant;
import java.util.List;

/** Open invoice requests asked for at or before {@code requestedBefore}, oldest first. */
public record InvoiceList(int openOlderThanHours, Instant requestedBefore, int page, int size,
        List<InvoiceView> invoices) {
}
