package storeops.gateway.service;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;

/**
 * The time left for one KPI answer. Every service call is cut at the deadline and then counts as
 * unavailable, so a hanging service costs the answer its keys, never its promptness.
 */
public record Deadline(long endNanos) {

    public static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(1_000_000, endNanos - System.nanoTime()));
    }

    /** The call's answer, or empty when its service is down, failed or did not answer in time. */
    public <T> Uni<Optional<T>> bound(Uni<T> call) {
        return call.map(Optional::ofNullable)
                .ifNoItem().after(remaining()).recoverWithItem(Optional.empty())
                .onFailure().recoverWithItem(Optional.empty());
    }
}
