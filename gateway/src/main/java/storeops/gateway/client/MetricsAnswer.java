package storeops.gateway.client;

import java.math.BigDecimal;
import java.util.Map;

/** {@code {metrics: {key: value}}}, as every service answers its metrics. */
public record MetricsAnswer(Map<String, BigDecimal> metrics) {
}
