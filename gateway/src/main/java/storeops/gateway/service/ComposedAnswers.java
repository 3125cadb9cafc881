package storeops.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import storeops.common.time.DayPeriod;
import storeops.gateway.client.Caller;
import storeops.gateway.client.DataVersion;
import storeops.gateway.client.DayRange;
import storeops.gateway.client.DeskClient;
import storeops.gateway.client.OrderClient;
import storeops.gateway.client.TrafficClient;
import storeops.gateway.config.GatewayConfig;

/**
 * Complete composed answers, kept per shop, period and kind while the three services report the
 * same data versions. Dashboards and daily sheets read the same KPIs over and over while most
 * periods' data stands still; composing again costs every service a full read and the joins their
 * id lists. The versions are those of the days each service's data is read for ({@link ReadDays}):
 * live traffic and chats of today leave last week's answers in place. The versions are asked
 * before anything is composed, so the data an answer saw is never older than the versions it is
 * kept under (at worst newer, and then the next version replaces it). A partial answer is never
 * kept, and none is reused when a service does not tell its version.
 */
@ApplicationScoped
public class ComposedAnswers {

    private static final Logger LOG = Logger.getLogger(ComposedAnswers.class);

    /** Asking three tiny reads should never eat much of an answer's time budget. */
    private static final Duration VERSIONS_WITHIN = Duration.ofMillis(300);

    private record Key(String kind, String shopId, DayPeriod period) {
    }

    /** {@code weight}: what the answer holds, in one period's worth of keys (a daily answer holds one per day). */
    private record Kept(List<String> versions, Object answer, int weight) {
    }

    private final TrafficClient traffic;
    private final OrderClient orders;
    private final DeskClient desk;
    private final int capacity;
    private final Duration keepWithin;
    private final Set<Key> composing = ConcurrentHashMap.newKeySet();
    private final Map<Key, Kept> kept = new LinkedHashMap<>(64, 0.75f, true);
    private int weight;

    public ComposedAnswers(TrafficClient traffic, OrderClient orders, DeskClient desk, GatewayConfig config) {
        this.traffic = traffic;
        this.orders = orders;
        this.desk = desk;
        this.capacity = config.keptAnswers();
        this.keepWithin = config.keepWithin();
    }

    /**
     * The kept answer of this kind for the shop and period when the services' data of the days it
     * reads has not changed since, else one composed within {@code answerWithin} (kept when
     * {@code complete}), given the versions seen so that its parts can be reused
     * ({@link KeptParts}). An answer that came partial goes on being composed in the background,
     * with up to {@code storeops.gateway.keep-within} for the slow calls, and is kept when it comes
     * complete: the next reader gets the whole answer at once instead of the same partial one.
     * The answer is kept under one range per service, the hull of {@code reads}; the ranges of its
     * parts, {@code reads} and the narrower {@code partReads} of parts kept per day (built only then),
     * are asked only when it is composed, so that a reused answer asks three ranges rather than every part's.
     */
    public <T> Uni<T> of(String kind, Caller caller, String shopId, DayPeriod period, ReadDays reads,
            Supplier<ReadDays> partReads, int weight, Duration answerWithin, Predicate<T> complete,
            BiFunction<Duration, SeenVersions, Uni<T>> compose) {
        if (capacity <= 0) {
            return compose.apply(answerWithin, SeenVersions.NONE);
        }
        Key key = new Key(kind, shopId, period);
        ReadDays hull = reads.hull();
        return versions(caller, shopId, hull).flatMap(seen -> {
            Optional<List<String>> versions = seen.flatMap(v -> v.of(hull));
            if (versions.isPresent() && caller.mayReuse()) {
                T answer = keptAnswer(key, versions.get());
                if (answer != null) {
                    return Uni.createFrom().item(answer);
                }
            }
            // built only now: a month's per-day ranges cost a reused answer more than its look-up
            ReadDays perDay = partReads.get();
            Uni<Optional<SeenVersions>> forParts = seen.isEmpty() || perDay.isEmpty() && hull.equals(reads)
                    ? Uni.createFrom().item(seen) : versions(caller, shopId, reads.and(perDay));
            return forParts.flatMap(seenForParts -> {
                SeenVersions parts = seenForParts.orElse(SeenVersions.NONE);
                if (versions.isEmpty() || weight > capacity) {
                    return compose.apply(answerWithin, parts);
                }
                // a 503 is an answer that nothing reached in time, too: the background may still make it whole
                return compose.apply(answerWithin, parts)
                        .invoke(answer -> {
                            if (complete.test(answer)) {
                                keep(key, new Kept(versions.get(), answer, weight));
                            } else {
                                completeInBackground(key, versions.get(), parts, weight, complete, compose);
                            }
                        })
                        .onFailure().invoke(
                                () -> completeInBackground(key, versions.get(), parts, weight, complete, compose));
            });
        });
    }

    /** One background composition per key at a time; a service that is down leaves it partial, and unkept. */
    private <T> void completeInBackground(Key key, List<String> versions, SeenVersions parts, int weight,
            Predicate<T> complete, BiFunction<Duration, SeenVersions, Uni<T>> compose) {
        if (!composing.add(key)) {
            return;
        }
        compose.apply(keepWithin, parts).subscribe().with(answer -> {
            composing.remove(key);
            if (complete.test(answer)) {
                keep(key, new Kept(versions, answer, weight));
            }
        }, failure -> {
            composing.remove(key);
            LOG.debugf(failure, "Background composition of %s failed", key);
        });
    }

    /** Every service's versions of the ranges asked, one call each, all at once; empty when one did not tell. */
    private Uni<Optional<SeenVersions>> versions(Caller caller, String shopId, ReadDays reads) {
        Deadline deadline = Deadline.in(VERSIONS_WITHIN);
        return Uni.combine().all()
                .unis(ask(deadline, reads.traffic(), ranges -> traffic.dataVersion(caller, shopId, ranges)),
                        ask(deadline, reads.orders(), ranges -> orders.dataVersion(caller, shopId, ranges)),
                        ask(deadline, reads.desk(), ranges -> desk.dataVersion(caller, shopId, ranges)))
                .asTuple()
                .map(t -> SeenVersions.of(reads, t.getItem1(), t.getItem2(), t.getItem3(), caller.mayReuse()));
    }

    private static Uni<Optional<DataVersion>> ask(Deadline deadline, List<DayRange> ranges,
            Function<List<DayRange>, Uni<DataVersion>> call) {
        return ranges.isEmpty() ? Uni.createFrom().item(Optional.empty()) : deadline.bound(call.apply(ranges));
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> T keptAnswer(Key key, List<String> versions) {
        Kept found = kept.get(key);
        return found != null && found.versions().equals(versions) ? (T) found.answer() : null;
    }

    private synchronized void keep(Key key, Kept answer) {
        Kept replaced = kept.put(key, answer);
        weight += answer.weight() - (replaced == null ? 0 : replaced.weight());
        var eldest = kept.values().iterator();
        while (weight > capacity) {
            weight -= eldest.next().weight();
            eldest.remove();
        }
    }
}
