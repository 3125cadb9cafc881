package storeops.desk.rest;

import java.time.LocalDate;

/** The 180-day DSR on a day per dimension; null where no score was given in the window. */
public record Dsr(LocalDate date, Double description, Double service, Double logistics) {
}
