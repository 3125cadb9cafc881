package storeops.order.shipping.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import storeops.order.domain.OrderStatus;

/** What the late-shipment rule reads of an order and its refunds. */
public record ShipmentFacts(String orderNo, String buyerId, OrderStatus status, Instant paidAt, Instant shippedAt,
        Instant closedAt, BigDecimal goodsAmount, Integer promiseHours, List<RefundFact> refunds) {

    /** A refund of the order: its reason, when it was applied for, and whether (and when) it was paid out. */
    public record RefundFact(String reasonCode, Instant appliedAt, boolean succeeded, Instant succeededAt,
            BigDecimal amount) {
    }
}
