package storeops.desk.rest;

import java.time.Instant;
import java.util.List;
import storeops.desk.domain.Handover;
import storeops.desk.domain.TicketStatus;

/** A handover with the current state of what it links: ticket deadlines, buyers still waiting. */
public record HandoverView(String handoverId, String outgoingAgentId, String incomingAgentId, Instant handedOverAt,
        String notes, Handover.Status status, String acknowledgedBy, Instant acknowledgedAt, List<LinkedTicket> tickets,
        List<LinkedConversation> conversations, WriteOutcome outcome) {

    public record LinkedTicket(String ticketId, String type, TicketStatus status, String assignee,
            Instant slaDeadline, boolean breached) {
    }

    public record LinkedConversation(String conversationId, String buyerId, Instant waitingSince) {
    }
}
