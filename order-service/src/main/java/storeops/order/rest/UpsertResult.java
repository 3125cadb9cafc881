package storeops.order.rest;

/** What an upsert did: CREATED, UPDATED, UNCHANGED (a replay) or STALE (older than what is stored). */
public record UpsertResult(String orderNo, Outcome outcome, String detail) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, STALE }
}
