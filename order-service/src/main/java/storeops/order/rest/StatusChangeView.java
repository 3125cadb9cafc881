package storeops.order.rest;

import java.time.Instant;
import storeops.order.domain.Actor;
import storeops.order.domain.OrderStatus;
import storeops.order.domain.OrderStatusChange;

public record StatusChangeView(OrderStatus from, OrderStatus to, String event, Actor actor, String reason, Instant at) {

    public static StatusChangeView of(OrderStatusChange c) {
        return new StatusChangeView(c.fromStatus, c.toStatus, c.event, c.actor, c.reason, c.at);
    }
}
