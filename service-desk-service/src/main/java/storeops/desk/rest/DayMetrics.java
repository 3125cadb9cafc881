package storeops.desk.rest;

import java.time.LocalDate;
import java.util.Map;

public record DayMetrics(LocalDate date, Map<String, Object> metrics) {
}
