package storeops.order.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import storeops.order.domain.OrderSnapshot;
import storeops.order.domain.OrderStatus;
import storeops.order.domain.Terminal;

/** The whole order as the platform or an ERP knows it (contract.md, PUT .../orders/{orderNo}). */
public record OrderPayload(
        @Size(max = 64) String orderNo,
        @NotBlank @Size(max = 128) String buyerId,
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
        @Min(1) @Max(10080) Integer payTimeoutMinutes,
        @Size(max = 128) String receiverName,
        @Size(max = 32) String receiverPhone,
        @Size(max = 500) String receiverAddress,
        @NotNull Instant modifiedAt,
        @NotEmpty @Size(max = 1000) List<@Valid @NotNull Line> lines) {

    public record Line(
            @Min(1) int lineNo,
            @NotBlank @Size(max = 64) String productId,
            @Size(max = 64) String skuId,
            @Min(1) int quantity,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal price,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal payment) {
    }

    public OrderSnapshot toSnapshot() {
        return new OrderSnapshot(buyerId, terminal, status, createdAt, paidAt, depositPaidAt, shippedAt, finishedAt,
                closedAt, presale, cod, freeShipping, freight, shippingPromiseHours, payTimeoutMinutes, receiverName,
                receiverPhone, receiverAddress, modifiedAt,
                lines.stream().map(l -> new OrderSnapshot.Line(l.lineNo(), l.productId(), l.skuId(), l.quantity(),
                        l.price(), l.payment())).toList());
    }
}
