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

    @SuppressWarnings("unchecked")
    <T> Uni<T> of(String part, String shopId, DayPeriod period, ReadDays reads, SeenVersions seen,
            Predicate<T> complete, Supplier<Uni<T>> compute) {
        Optional<List<String>> versions = seen.of(reads);
        if (versions.isEmpty()) {
            return compute.get();
        }
        Key key = new Key(part, shopId, period);
        if (seen.reuse()) {
            synchronized (this) {
                Kept found = kept.get(key);
                if (found != null && found.versions().equals(versions.get())) {
                    return Uni.createFrom().item((T) found.value());
                }
            }
        }
        return compute.get().invoke(value -> {
            if (complete.test(value)) {
                synchronized (this) {
                    kept.put(key, new Kept(versions.get(), value));
                }
            }
        });
    }
}
