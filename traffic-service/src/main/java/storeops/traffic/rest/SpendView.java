package storeops.traffic.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import storeops.traffic.domain.Source;

public record SpendView(LocalDate date, Source channel, BigDecimal amount) {
}
