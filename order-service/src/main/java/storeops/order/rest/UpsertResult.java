package storeops.order.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an upsert did: CREATED, UPDATED, UNCHANGED (a replay), STALE (older than what is stored,
 * ignored) or REJECTED (bad fields or a transition the lifecycle forbids; in a batch only).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpsertResult(Integer index, String orderNo, Outcome outcome, String detail) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, STALE, REJECTED }

    public UpsertResult(String orderNo, Outcome outcome, String detail) {
        this(null, orderNo, outcome, detail);
    }
}
