package storeops.order.shipping.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

    /** One read of the period's figures. */
    @Override
    public Map<LocalDate, Map<String, Object>> daily(String shopId, DayPeriod period) {
        Map<LocalDate, BigDecimal> byDay = lateShipments.liabilityByDay(shopId, period, clock.instant());
        Map<LocalDate, Map<String, Object>> daily = new LinkedHashMap<>();
        for (LocalDate day : period.eachDay()) {
            daily.put(day, Map.of("lateShipmentLiability",
                    byDay.getOrDefault(day, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP)));
        }
        return daily;
    }
}
