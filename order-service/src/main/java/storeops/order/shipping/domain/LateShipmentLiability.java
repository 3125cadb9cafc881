package storeops.order.shipping.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What an order owes for late shipment: nothing, the compensation on the natural day of its
 * deadline ({@code LATE_SHIPMENT}), or on the day a refund for "out of stock / not shipped in
 * time" was applied for ({@code REFUND_REASON}). An order owes at most once.
 */
public record LateShipmentLiability(String orderNo, Instant paidAt, int promiseHours, Instant deadline,
        Instant shippedAt, Basis basis, BigDecimal amount, LocalDate day, String explanation) {

    public enum Basis { NONE, LATE_SHIPMENT, REFUND_REASON }

    public boolean owed() {
        return basis != Basis.NONE;
    }
}
