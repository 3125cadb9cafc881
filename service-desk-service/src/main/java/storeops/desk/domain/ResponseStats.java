package storeops.desk.domain;

/**
 * The response figures of a set of conversations (a period, a day or an agent), summed from the
 * per-conversation {@link ResponseRounds}. The desk's response metrics are computed here only.
 */
public record ResponseStats(long conversations, long receivedBuyers, long replied, long rounds, long answeredRounds,
        long answeredWithinTarget, long responseMsSum, long firstResponses, long firstResponseMsSum) {

    public static final ResponseStats NONE = new ResponseStats(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Over conversations that got an agent reply: first buyer message to the agent's first reply. */
    public Double firstResponseSeconds() {
        return Ratio.seconds(firstResponseMsSum, firstResponses);
    }

    /** Over answered rounds: the round's first buyer message to the agent's first reply after it. */
    public Double avgResponseSeconds() {
        return Ratio.seconds(responseMsSum, answeredRounds);
    }

    /** Conversations with at least one agent reply / conversations. */
    public Double replyRate() {
        return Ratio.of(replied, conversations);
    }

    /** Rounds answered within the target (180 s) / all rounds, unanswered ones included. */
    public Double threeMinuteResponseRate() {
        return Ratio.of(answeredWithinTarget, rounds);
    }
}
