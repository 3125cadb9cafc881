package storeops.gateway.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** {@code {days: [{date, metrics: {key: value}}]}}, as every service answers its day series. */
public record DailyAnswer(List<Day> days) {

    public record Day(LocalDate date, Map<String, BigDecimal> metrics) {
    }
}
