package storeops.desk.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A buyer's first chat of a natural day: the earliest buyer message and the agent who received the
 * buyer's first conversation of the day. Whether it is an inquiry (询单) depends on the buyer's
 * orders, which the gateway joins.
 */
public record FirstChat(String buyerId, LocalDate day, Instant firstMessageAt, String agentId) {
}
