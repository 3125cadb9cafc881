package storeops.order.cod.rest;

import java.time.Instant;
import storeops.order.cod.domain.CodDelivery;
import storeops.order.cod.domain.CodStatus;
import storeops.order.domain.OrderStatus;

/** {@code mayShip}: confirmed with the buyer, so the parcel may leave. */
public record CodView(String orderNo, OrderStatus orderStatus, String country, String region, CodStatus status,
        boolean mayShip, Instant registeredAt, Instant confirmedAt, String confirmedBy, String note) {

    public static CodView of(CodDelivery d, OrderStatus orderStatus) {
        return new CodView(d.orderNo, orderStatus, d.country, d.region, d.status, d.status == CodStatus.CONFIRMED,
                d.registeredAt, d.confirmedAt, d.confirmedBy, d.note);
    }
}
