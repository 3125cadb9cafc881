package storeops.order.service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import storeops.common.time.DayPeriod;

/**
 * A part of the order keys of metrics.csv. The metrics endpoint answers the union of every
 * source, so refunds or late shipment add their keys without touching the trade's code.
 */
public interface OrderMetricSource {

    Map<String, Object> metrics(String shopId, DayPeriod period);

    /** Each day of the period on its own; a source that can read the period once overrides it. */
    default Map<LocalDate, Map<String, Object>> daily(String shopId, DayPeriod period) {
        Map<LocalDate, Map<String, Object>> days = new LinkedHashMap<>();
        for (LocalDate day : period.eachDay()) {
            days.put(day, metrics(shopId, DayPeriod.ofDay(day)));
        }
        return days;
    }
}
