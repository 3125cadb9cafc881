package storeops.order.refund.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import storeops.order.refund.domain.RefundPhase;
import storeops.order.refund.domain.RefundReasonCode;
import storeops.order.refund.domain.RefundStatus;
import storeops.order.refund.domain.RefundType;

/**
 * A refund as the platform knows it (contract.md, PUT .../refunds/{refundId}). Without a status it
 * is a new application (WAIT_SELLER_AGREE); without a phase it is in-sale until the buyer signed;
 * without modifiedAt it was last modified when applied for.
 */
public record RefundPayload(
        @NotBlank String orderNo,
        @Min(1) int lineNo,
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotNull RefundType type,
        @Size(max = 500) String reason,
        @NotNull RefundReasonCode reasonCode,
        RefundPhase phase,
        RefundStatus status,
        @NotNull Instant appliedAt,
        Instant modifiedAt) {

    public RefundStatus statusOrDefault() {
        return status == null ? RefundStatus.WAIT_SELLER_AGREE : status;
    }

    public Instant modifiedAtOrDefault() {
        return modifiedAt == null ? appliedAt : modifiedAt;
    }
}
