package storeops.order.rest;

import java.util.Map;

/** {@code {metrics: {key: value}}} as every service answers its metrics. */
public record MetricsResponse(Map<String, Object> metrics) {
}
