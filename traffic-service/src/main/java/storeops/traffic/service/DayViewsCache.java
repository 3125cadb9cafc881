package storeops.traffic.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import storeops.traffic.config.TrafficConfig;
import storeops.traffic.domain.DayViews;
import storeops.traffic.repository.ViewLogStore;
import storeops.traffic.repository.ViewLogStore.DayChunks;

/**
 * The logged VIEWs of a shop's days, kept in memory with the ids of the chunks they were read
 * from. Each read lists the days' chunk ids (one small read) and loads only the chunks it has not
 * seen, so a view stored through any instance is seen at once; a day whose chunks were merged by
 * another reader is loaded again. A day read from many chunks is merged into one, so that a day of
 * live ingestion stays a few rows.
 */
@ApplicationScoped
public class DayViewsCache {

    /** Past this many chunks a day is merged into one. */
    static final int MERGE_OVER_CHUNKS = 32;

    private record Key(String shopId, LocalDate day) {
    }

    private record Cached(Set<Long> chunkIds, DayViews views) {
    }

    /** The views of the days, and the days whose views are not all logged (last-visits reads their events). */
    public record Days(Map<LocalDate, DayViews> views, Set<LocalDate> incomplete) {
    }

    private final ViewLogStore store;
    private final long capacityBytes;
    private final Map<Key, Cached> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedBytes;

    public DayViewsCache(ViewLogStore store, TrafficConfig config) {
        this.store = store;
        this.capacityBytes = config.lastVisits().cacheMb() * 1024L * 1024L;
    }

    public Days days(String shopId, LocalDate from, LocalDate to) {
        Map<LocalDate, DayChunks> stored = store.chunks(shopId, from, to);
        Map<LocalDate, DayViews> views = new HashMap<>();
        Set<LocalDate> incomplete = new HashSet<>();
        for (var entry : stored.entrySet()) {
            LocalDate day = entry.getKey();
            DayChunks chunks = entry.getValue();
            if (chunks.incomplete()) {
                incomplete.add(day);
                continue;
            }
            views.put(day, current(shopId, day, chunks.chunkIds()));
        }
        return new Days(views, incomplete);
    }

    private DayViews current(String shopId, LocalDate day, Set<Long> listed) {
        Key key = new Key(shopId, day);
        Set<Long> chunkIds = listed;
        for (int attempt = 1; ; attempt++) {
            Cached cached = cached(key);
            if (cached != null && cached.chunkIds().equals(chunkIds)) {
                return cached.views();
            }
            DayViews views = null;
            if (cached != null && chunkIds.containsAll(cached.chunkIds())) {
                Set<Long> added = new HashSet<>(chunkIds);
                added.removeAll(cached.chunkIds());
                long[] more = store.load(shopId, day, added);
                views = more == null ? null : cached.views().with(more);
            } else {
                long[] all = store.load(shopId, day, chunkIds);
                views = all == null ? null : DayViews.of(day, all);
            }
            if (views != null) {
                keep(key, new Cached(Set.copyOf(mergedIfMany(shopId, day, chunkIds, views)), views));
                return views;
            }
            // another reader merged some of the chunks since they were listed: list the day again
            DayChunks again = store.chunks(shopId, day, day).get(day);
            if (again == null || attempt >= 5) {
                throw new IllegalStateException("The views of " + day + " kept changing while being read");
            }
            chunkIds = again.chunkIds();
        }
    }

    private Set<Long> mergedIfMany(String shopId, LocalDate day, Set<Long> chunkIds, DayViews views) {
        if (chunkIds.size() <= MERGE_OVER_CHUNKS) {
            return chunkIds;
        }
        Long merged = store.merge(shopId, day, chunkIds, views.packed());
        return merged == null ? chunkIds : Set.of(merged);
    }

    private synchronized Cached cached(Key key) {
        return cache.get(key);
    }

    private synchronized void keep(Key key, Cached value) {
        if (capacityBytes <= 0) {
            return;
        }
        Cached replaced = cache.put(key, value);
        cachedBytes += bytes(value) - (replaced == null ? 0 : bytes(replaced));
        var eldest = cache.values().iterator();
        while (cachedBytes > capacityBytes && eldest.hasNext()) {
            cachedBytes -= bytes(eldest.next());
            eldest.remove();
        }
    }

    private static long bytes(Cached cached) {
        return (long) cached.views().size() * Long.BYTES + cached.chunkIds().size() * 64L;
    }
}
