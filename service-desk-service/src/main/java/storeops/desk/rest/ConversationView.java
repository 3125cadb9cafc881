package storeops.desk.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import storeops.desk.domain.ChatMessage;
import storeops.desk.domain.Conversation;

/** A conversation with its response figures as stored; seconds are exact to the millisecond. */
public record ConversationView(String conversationId, String buyerId, String agentId, Instant startedAt, LocalDate day,
        int rounds, int answeredRounds, Double firstResponseSeconds, Instant waitingSince, List<ChatMessage> messages) {

    public static ConversationView of(Conversation c, List<ChatMessage> messages) {
        return new ConversationView(c.id, c.buyerId, c.agentId, c.startedAt, c.day, c.rounds, c.answeredRounds,
                c.firstResponseMs == null ? null : c.firstResponseMs / 1000.0, c.waitingSince, messages);
    }
}
