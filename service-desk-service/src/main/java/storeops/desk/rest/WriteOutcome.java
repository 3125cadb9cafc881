package storeops.desk.rest;

/** What an idempotent write did: a replay is UNCHANGED and still a success. */
public enum WriteOutcome {
    CREATED, UPDATED, UNCHANGED
}
