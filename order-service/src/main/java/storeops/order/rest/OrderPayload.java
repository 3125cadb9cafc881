package storeops.order.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import storeops.order.domain.OrderStatus;
import storeops.order.domain.Terminal;

/** The whole order as the platform or an ERP knows it (contract.md, PUT .../orders/{orderNo}). */
public record OrderPayload(
        String orderNo,
        @NotBlank String buyerId,
        @NotNull Terminal terminal,
        @NotNull OrderStatus status,
        @NotNull Instant createdAt,
        Instant paidAt,
        Instant depositPaidAt,
        Instant shippedAt,
        Instant finishedAt,
        Instant closedAt,
        boolean presale,
        boolean cod,
        boolean freeShipping,
        @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal freight,
        @Min(1) Integer shippingPromiseHours,
        @NotNull Instant modifiedAt,
        @NotEmpty List<@Valid @NotNull Line> lines) {

    public record Line(
            @Min(1) int lineNo,
            @NotBlank String productId,
            String skuId,
            @Min(1) int quantity,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal price,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal payment) {
    }
}
