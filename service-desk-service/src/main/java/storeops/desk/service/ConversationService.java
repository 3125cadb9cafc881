package storeops.desk.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import storeops.common.problem.Problem;
import storeops.common.problem.ProblemException;
import storeops.common.time.ShopCalendar;
import storeops.common.version.WrittenDays;
import storeops.desk.config.DeskConfig;
import storeops.desk.domain.ChatMessage;
import storeops.desk.domain.Conversation;
import storeops.desk.domain.ResponseRounds;
import storeops.desk.repository.ConversationRepository;
import storeops.desk.repository.MessageStore;
import storeops.desk.rest.ConversationPayload;
import storeops.desk.rest.ConversationView;
import storeops.desk.rest.ConversationWriteResult;
import storeops.desk.rest.WriteOutcome;

/** Chat logs from the IM tool: idempotent, and a later put may append messages. */
@ApplicationScoped
public class ConversationService {

    private final ConversationRepository conversations;
    private final MessageStore messages;
    private final ShopCalendar calendar;
    private final DeskConfig config;
    private final WrittenDays written;

    public ConversationService(ConversationRepository conversations, MessageStore messages, ShopCalendar calendar,
            DeskConfig config, WrittenDays written) {
        this.written = written;
        this.conversations = conversations;
        this.messages = messages;
        this.calendar = calendar;
        this.config = config;
    }

    /**
     * Within a request, declares the days it changed: the conversation's day before and after, and
     * the days of the messages given (a chat that runs past midnight is a first chat of the next day too).
     */
    @Transactional
    public ConversationWriteResult put(String shopId, String conversationId, ConversationPayload payload) {
        rejectMessagesBeforeStart(payload);
        var existing = conversations.find(shopId, conversationId);
        Conversation c = existing.orElseGet(() -> {
            Conversation fresh = new Conversation();
            fresh.shopId = shopId;
            fresh.id = conversationId;
            return fresh;
        });
        written.declare(shopId);
        LocalDate dayBefore = c.day;
        boolean headerChanged = !Objects.equals(c.buyerId, payload.buyerId())
                || !Objects.equals(c.agentId, payload.agentId()) || !Objects.equals(c.startedAt, payload.startedAt());
        c.buyerId = payload.buyerId();
        c.agentId = payload.agentId();
        c.startedAt = payload.startedAt();
        c.day = calendar.dayOf(shopId, payload.startedAt());
        if (existing.isEmpty()) {
            conversations.persist(c);
        }
        int added = messages.append(shopId, conversationId, payload.messages().stream()
                .map(m -> new ChatMessage(m.sender(), m.sentAt(), m.text())).toList());
        if (existing.isEmpty() || added > 0) {
            List<ChatMessage> timeline = messages.timeline(shopId, conversationId);
            c.record(ResponseRounds.of(timeline, Duration.ofSeconds(config.responseTargetSeconds())), timeline.size());
        }
        WriteOutcome outcome = existing.isEmpty() ? WriteOutcome.CREATED
                : added > 0 || headerChanged ? WriteOutcome.UPDATED : WriteOutcome.UNCHANGED;
        if (outcome != WriteOutcome.UNCHANGED) {
            if (dayBefore != null) {
                written.add(shopId, dayBefore);
            }
            written.add(shopId, c.day);
            payload.messages().forEach(m -> written.add(shopId, calendar.dayOf(shopId, m.sentAt())));
        }
        return new ConversationWriteResult(conversationId, outcome, added, c.day);
    }

    public ConversationView get(String shopId, String conversationId) {
        Conversation c = conversations.find(shopId, conversationId)
                .orElseThrow(() -> ProblemException.notFound("No conversation " + conversationId));
        return ConversationView.of(c, messages.timeline(shopId, conversationId));
    }

    private static void rejectMessagesBeforeStart(ConversationPayload payload) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < payload.messages().size(); i++) {
            if (payload.messages().get(i).sentAt().isBefore(payload.startedAt())) {
                errors.add(new Problem.FieldError("messages[" + i + "].sentAt", "is before the conversation's startedAt"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request", errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }
}
