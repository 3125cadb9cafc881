package storeops.order.rest;

import java.util.List;
import storeops.order.rest.UpsertResult.Outcome;

/** The answer to a sync batch: counts per outcome and one result per order, in the batch's order. */
public record SyncReport(long created, long updated, long unchanged, long stale, long rejected,
        List<UpsertResult> results) {

    public static SyncReport of(List<UpsertResult> results) {
        return new SyncReport(count(results, Outcome.CREATED), count(results, Outcome.UPDATED),
                count(results, Outcome.UNCHANGED), count(results, Outcome.STALE), count(results, Outcome.REJECTED),
                results);
    }

    private static long count(List<UpsertResult> results, Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
