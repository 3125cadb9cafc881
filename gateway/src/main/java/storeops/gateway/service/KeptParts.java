package storeops.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import storeops.common.time.DayPeriod;
import storeops.gateway.config.GatewayConfig;

/**
 * The parts of compositions (one service's metrics of a period, the funnel, the inquiries, the
 * channel ROI), each kept under the versions of only the days it reads ({@link ReadDays}). An order
 * of today may be the final payment of yesterday's inquiries, which makes last month's overview
 * compose again; its funnel, channels and owners' metrics did not move, and are taken from here.
 * Parts are small (maps of figures, the funnel's counts, tallies per agent); a part that came
 * incomplete is never kept.
 */
@ApplicationScoped
public class KeptParts {

    private record Key(String part, String shopId, DayPeriod period) {
    }

    private record Kept(List<String> versions, Object value) {
    }

    private final Map<Key, Kept> kept;

    public KeptParts(GatewayConfig config) {
        int capacity = config.keptParts();
        this.kept = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    <T> Uni<T> of(String part, String shopId, DayPeriod period, ReadDays reads, SeenVersions seen,
            Predicate<T> complete, Supplier<Uni<T>> compute) {
        Optional<T> found = kept(part, shopId, period, reads, seen);
        if (found.isPresent()) {
            return Uni.createFrom().item(found.get());
        }
        return compute.get().invoke(value -> {
            if (complete.test(value)) {
                keep(part, shopId, period, reads, seen, value);
            }
        });
    }

    /** The part kept under the versions seen of the days it reads, when the caller allows reuse. */
    @SuppressWarnings("unchecked")
    synchronized <T> Optional<T> kept(String part, String shopId, DayPeriod period, ReadDays reads,
            SeenVersions seen) {
        Optional<List<String>> versions = seen.of(reads);
        if (versions.isEmpty() || !seen.reuse()) {
            return Optional.empty();
        }
        Kept found = kept.get(new Key(part, shopId, period));
        return found != null && found.versions().equals(versions.get()) ? Optional.of((T) found.value())
                : Optional.empty();
    }

    /** Keeps a complete part composed after the versions were seen (never older than they are). */
    synchronized void keep(String part, String shopId, DayPeriod period, ReadDays reads, SeenVersions seen,
            Object value) {
        seen.of(reads).ifPresent(versions -> kept.put(new Key(part, shopId, period), new Kept(versions, value)));
    }
}
