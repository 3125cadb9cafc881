package storeops.gateway.client;

import java.time.LocalDate;

/** Natural days, inclusive, of any length (a version range may exceed a period's 366 days). */
public record DayRange(LocalDate from, LocalDate to) {
}
