package storeops.traffic.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** {@code {metrics: {key: value}}} as every service answers its metrics. */
public record MetricsResponse(Map<String, Object> metrics) {

    /** {@code {days: [{date, metrics}]}}. */
    public record Daily(List<Day> days) {
    }

    public record Day(LocalDate date, Map<String, Object> metrics) {
    }
}
