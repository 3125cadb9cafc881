package storeops.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import storeops.common.time.DayPeriod;
import storeops.common.version.DataVersions;
import storeops.order.config.OrderConfig;

/**
 * The last answers of the gateway's heavy joins (buyer sets, paid orders) per shop and period, kept
 * as the JSON their endpoints wrote while the data version of the period's days stands still. During live traffic
 * ingestion the gateway composes again on every read although the orders did not move; a month's buyer sets and 48,000 paid orders
 * are then one version read instead of a pass over the shop's keys and a 48,000-row index read.
 * The version is read before the answer is computed, so an answer is never older than the version
 * it is kept under (DataVersions).
 */
@ApplicationScoped
public class JoinAnswers {

    private record Key(String kind, String shopId, DayPeriod period) {
    }

    private record Kept(long version, Object answer) {
    }

    private final DataVersions versions;
    private final int capacity;
    private final Map<Key, Kept> kept;

    public JoinAnswers(DataVersions versions, OrderConfig config) {
        this.versions = versions;
        this.capacity = config.joinAnswers();
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    @SuppressWarnings("unchecked")
    public <T> T of(String kind, String shopId, DayPeriod period, Supplier<T> compute) {
        if (capacity <= 0) {
            return compute.get();
        }
        Key key = new Key(kind, shopId, period);
        // buyer sets and payments of a period are its days' orders only: today's orders leave last month's kept
        long version = versions.current(shopId, period.from(), period.to());
        synchronized (this) {
            Kept found = kept.get(key);
            if (found != null && found.version() == version) {
                return (T) found.answer();
            }
        }
        T answer = compute.get();
        synchronized (this) {
            kept.put(key, new Kept(version, answer));
        }
        return answer;
    }
}
