package storeops.order.invoice.rest;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/** issue: {@code invoiceNo}; mail: {@code carrier}, {@code trackingNo}; time in {@code at} (default now). */
public record InvoiceCommand(Instant at, @Size(max = 64) String invoiceNo, @Size(max = 64) String carrier,
        @Size(max = 64) String trackingNo, BigDecimal fee) {

    public static final InvoiceCommand NOW = new InvoiceCommand(null, null, null, null, null);
}
