package storeops.desk.rest;

import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The body of a ticket command: its time (default now), an optional note, the assignee for assign. */
public record TicketCommand(Instant at, @Size(max = 128) String assignee, @Size(max = 2000) String note) {

    public static final TicketCommand NOW = new TicketCommand(null, null, null);
}
