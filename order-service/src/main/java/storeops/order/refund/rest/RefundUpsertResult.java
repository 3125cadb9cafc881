package storeops.order.refund.rest;

import storeops.order.refund.domain.RefundStatus;

/** What a platform upsert did: CREATED, UPDATED, UNCHANGED (a replay) or STALE (older than what is stored). */
public record RefundUpsertResult(String refundId, Outcome outcome, RefundStatus status, String detail) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, STALE }
}
