package storeops.desk.rest;

import java.time.LocalDate;

public record ConversationWriteResult(String conversationId, WriteOutcome outcome, int messagesAdded, LocalDate day) {
}
