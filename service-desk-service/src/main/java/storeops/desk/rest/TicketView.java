package storeops.desk.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import storeops.desk.domain.Ticket;
import storeops.desk.domain.TicketHistory;
import storeops.desk.domain.TicketPriority;
import storeops.desk.domain.TicketStatus;
import storeops.desk.domain.TicketType;

/**
 * A ticket as of now: {@code slaDeadline} is the deadline pushed back by the waits on the buyer so
 * far, {@code breached} whether the SLA is (or was, for a finished ticket) missed.
 */
public record TicketView(String ticketId, TicketType type, String orderNo, String buyerId, String assignee,
        TicketPriority priority, TicketStatus status, String note, Instant openedAt, Instant slaDeadline,
        boolean breached, double pausedSeconds, Instant waitingSince, Instant resolvedAt, Instant closedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Change> history) {

    public record Change(String event, TicketStatus fromStatus, TicketStatus toStatus, Instant at, String assignee,
            String note) {
    }

    public static TicketView of(Ticket t, Instant now, List<TicketHistory> history) {
        return new TicketView(t.id, t.type, t.orderNo, t.buyerId, t.assignee, t.priority, t.status, t.note,
                t.openedAt, t.effectiveDeadline(now), t.breached(now), t.pausedMs / 1000.0, t.waitingSince,
                t.resolvedAt, t.closedAt,
                history == null ? null : history.stream().map(h -> new Change(h.event.command(), h.fromStatus,
                        h.toStatus, h.at, h.assignee, h.note)).toList());
    }
}
