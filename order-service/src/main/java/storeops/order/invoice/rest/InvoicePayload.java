package storeops.order.invoice.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import storeops.order.invoice.domain.InvoiceDelivery;
import storeops.order.invoice.domain.TitleType;

/**
 * A buyer's invoice request. {@code fee} exists only to be refused when it is not zero: an
 * invoice is free. Without a delivery it goes with the goods; without a time it was asked for now.
 */
public record InvoicePayload(
        @NotBlank @Size(max = 64) String orderNo,
        @NotNull TitleType titleType,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 32) String taxNumber,
        InvoiceDelivery delivery,
        Instant requestedAt,
        BigDecimal fee) {
}
