package storeops.order.shipping.rest;

import java.math.BigDecimal;
import java.time.Instant;

/** A paid, unshipped order near or past its shipping deadline, and what it would owe if late. */
public record ShippingRisk(String orderNo, String buyerId, Instant paidAt, int promiseHours, Instant deadline,
        boolean overdue, long minutesLeft, BigDecimal liabilityIfLate) {
}
