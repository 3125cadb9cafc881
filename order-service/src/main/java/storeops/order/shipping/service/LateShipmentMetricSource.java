package storeops.order.shipping.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import storeops.common.time.DayPeriod;
import storeops.order.service.OrderMetricSource;

/** lateShipmentLiability of metrics.csv. */
@ApplicationScoped
public class LateShipmentMetricSource implements OrderMetricSource {

    private final LateShipmentService lateShipments;
    private final Clock clock;

    public LateShipmentMetricSource(LateShipmentService lateShipments, Clock clock) {
        this.lateShipments = lateShipments;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> metrics(String shopId, DayPeriod period) {
        // lateShipmentLiability: min(30% goods amount, 500) per late order, on its deadline's natural day
        // (or on the day of an out-of-stock / not-shipped refund), judged now for orders still unshipped
        return Map.of("lateShipmentLiability", lateShipments.liability(shopId, period, clock.instant()));
    }
}
