package storeops.traffic.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A validated visit event with its natural day in the shop's zone. */
public record VisitEvent(String eventId, String visitorId, Instant occurredAt, LocalDate day, Terminal terminal,
        PageType page, String productId, Source source, VisitAction action, int dwellSeconds) {

    public boolean isView() {
        return action == VisitAction.VIEW;
    }
}
