package storeops.desk.domain;

import java.time.Instant;

/** One line of a conversation as the IM tool sends it. */
public record ChatMessage(Sender sender, Instant sentAt, String text) {
}
