package storeops.desk.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import storeops.common.problem.Problem;
import storeops.common.problem.ProblemException;
import storeops.common.version.WrittenDays;
import storeops.desk.domain.Conversation;
import storeops.desk.domain.Handover;
import storeops.desk.domain.HandoverItem;
import storeops.desk.domain.Ticket;
import storeops.desk.repository.ConversationRepository;
import storeops.desk.repository.HandoverRepository;
import storeops.desk.repository.TicketRepository;
import storeops.desk.rest.HandoverAck;
import storeops.desk.rest.HandoverPayload;
import storeops.desk.rest.HandoverView;
import storeops.desk.rest.WriteOutcome;

/** Shift handovers: recorded once per id, acknowledged by the incoming agent. */
@ApplicationScoped
public class HandoverService {

    private final HandoverRepository handovers;
    private final TicketRepository tickets;
    private final ConversationRepository conversations;
    private final Clock clock;
    private final WrittenDays written;

    public HandoverService(HandoverRepository handovers, TicketRepository tickets, ConversationRepository conversations,
            Clock clock, WrittenDays written) {
        this.handovers = handovers;
        this.tickets = tickets;
        this.conversations = conversations;
        this.clock = clock;
        this.written = written;
    }

    @Transactional
    public HandoverView record(String shopId, String handoverId, HandoverPayload p) {
        // handovers are notes between agents: no metric or join of the data versions reads them
        written.declare(shopId);
        var existing = handovers.find(shopId, handoverId);
        if (existing.isPresent()) {
            return view(existing.get(), WriteOutcome.UNCHANGED);
        }
        Handover h = new Handover();
        h.shopId = shopId;
        h.id = handoverId;
        h.outgoingAgentId = p.outgoingAgentId();
        h.incomingAgentId = p.incomingAgentId();
        h.handedOverAt = p.handedOverAt() == null ? clock.instant() : p.handedOverAt();
        h.notes = p.notes();
        List<String> ticketIds = p.ticketIds() != null ? p.ticketIds()
                : tickets.unfinishedOf(shopId, p.outgoingAgentId()).stream().map(t -> t.id).toList();
        List<String> conversationIds = p.conversationIds() != null ? p.conversationIds()
                : conversations.unansweredOf(shopId, p.outgoingAgentId()).stream().map(c -> c.id).toList();
        rejectUnknown(shopId, ticketIds, conversationIds);
        new LinkedHashSet<>(ticketIds).forEach(id -> h.items.add(new HandoverItem(HandoverItem.Kind.TICKET, id)));
        new LinkedHashSet<>(conversationIds)
                .forEach(id -> h.items.add(new HandoverItem(HandoverItem.Kind.CONVERSATION, id)));
        handovers.persist(h);
        return view(h, WriteOutcome.CREATED);
    }

    @Transactional
    public HandoverView acknowledge(String shopId, String handoverId, HandoverAck ack) {
        written.declare(shopId);
        Handover h = handovers.find(shopId, handoverId)
                .orElseThrow(() -> ProblemException.notFound("No handover " + handoverId));
        boolean changed = h.acknowledge(ack.agentId(), ack.at() == null ? clock.instant() : ack.at());
        return view(h, changed ? WriteOutcome.UPDATED : WriteOutcome.UNCHANGED);
    }

    public HandoverView get(String shopId, String handoverId) {
        return view(handovers.find(shopId, handoverId)
                .orElseThrow(() -> ProblemException.notFound("No handover " + handoverId)), null);
    }

    public HandoverView current(String shopId, String incomingAgentId) {
        return view(handovers.current(shopId, incomingAgentId)
                .orElseThrow(() -> ProblemException.notFound("No handover yet")), null);
    }

    private void rejectUnknown(String shopId, List<String> ticketIds, List<String> conversationIds) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ticketIds.size(); i++) {
            if (tickets.find(shopId, ticketIds.get(i)).isEmpty()) {
                errors.add(new Problem.FieldError("ticketIds[" + i + "]", "no ticket " + ticketIds.get(i)));
            }
        }
        for (int i = 0; i < conversationIds.size(); i++) {
            if (conversations.find(shopId, conversationIds.get(i)).isEmpty()) {
                errors.add(new Problem.FieldError("conversationIds[" + i + "]",
                        "no conversation " + conversationIds.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request", errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
    }

    private HandoverView view(Handover h, WriteOutcome outcome) {
        Instant now = clock.instant();
        List<HandoverView.LinkedTicket> linkedTickets = new ArrayList<>();
        for (String id : h.refs(HandoverItem.Kind.TICKET)) {
            tickets.find(h.shopId, id).ifPresent((Ticket t) -> linkedTickets.add(new HandoverView.LinkedTicket(t.id,
                    t.type.name(), t.status, t.assignee, t.effectiveDeadline(now), t.breached(now))));
        }
        List<HandoverView.LinkedConversation> linkedChats = new ArrayList<>();
        for (String id : h.refs(HandoverItem.Kind.CONVERSATION)) {
            conversations.find(h.shopId, id).ifPresent((Conversation c) -> linkedChats.add(
                    new HandoverView.LinkedConversation(c.id, c.buyerId, c.waitingSince)));
        }
        return new HandoverView(h.id, h.outgoingAgentId, h.incomingAgentId, h.handedOverAt, h.notes, h.status,
                h.acknowledgedBy, h.acknowledgedAt, linkedTickets, linkedChats, outcome);
    }
}
