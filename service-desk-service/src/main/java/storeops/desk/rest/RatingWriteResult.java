package storeops.desk.rest;

/** {@code badReviewTicketId} names the follow-up ticket of a low-score rating, opened once. */
public record RatingWriteResult(String orderNo, WriteOutcome outcome, boolean lowScore, String badReviewTicketId) {
}
