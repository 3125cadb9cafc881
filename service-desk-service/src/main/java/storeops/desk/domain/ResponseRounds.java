package storeops.desk.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The response figures of one conversation, from its messages in time order (rules.md, counting
 * rules): a round starts at a buyer message that follows the conversation's start or an agent
 * message; further buyer messages before the agent's answer belong to the same round; BOT messages
 * are never answers and never end a round.
 *
 * @param firstBuyerMessageAt the buyer's first message, null when the buyer wrote nothing
 * @param firstResponseMs from the first buyer message to the agent's first message after it, null
 *        when no agent answered
 * @param waitingSince the start of the last round when no agent has answered it yet
 */
public record ResponseRounds(Instant firstBuyerMessageAt, Long firstResponseMs, int rounds, int answeredRounds,
        int answeredWithinTarget, long responseMsSum, Instant waitingSince) {

    /** @param messages sorted by time; ties keep their arrival order */
    public static ResponseRounds of(List<ChatMessage> messages, Duration target) {
        Instant firstBuyer = null;
        Long firstResponse = null;
        Instant roundStart = null;
        int rounds = 0;
        int answered = 0;
        int withinTarget = 0;
        long sum = 0;
        for (ChatMessage m : messages) {
            switch (m.sender()) {
                case BUYER -> {
                    if (firstBuyer == null) {
                        firstBuyer = m.sentAt();
                    }
                    if (roundStart == null) {
                        roundStart = m.sentAt();
                        rounds++;
                    }
                }
                case AGENT -> {
                    if (roundStart != null) {
                        long ms = Duration.between(roundStart, m.sentAt()).toMillis();
                        if (firstResponse == null) {
                            firstResponse = ms;
                        }
                        answered++;
                        sum += ms;
                        if (ms <= target.toMillis()) {
                            withinTarget++;
                        }
                        roundStart = null;
                    }
                }
                case BOT -> {
                    // a bot's canned answer leaves the buyer waiting for a person
                }
            }
        }
        return new ResponseRounds(firstBuyer, firstResponse, rounds, answered, withinTarget, sum, roundStart);
    }
}
