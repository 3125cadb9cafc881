package storeops.desk.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import storeops.desk.domain.TicketPriority;
import storeops.desk.domain.TicketType;

/** Opens a ticket (contract.md, PUT .../tickets/{ticketId}); openedAt defaults to now, priority to NORMAL. */
public record TicketPayload(
        @NotNull TicketType type,
        @Size(max = 64) String orderNo,
        @Size(max = 128) String buyerId,
        @Size(max = 128) String assignee,
        TicketPriority priority,
        Instant openedAt,
        @Size(max = 2000) String note) {
}
