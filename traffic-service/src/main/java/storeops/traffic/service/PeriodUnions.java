package storeops.traffic.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import storeops.traffic.config.TrafficConfig;

/**
 * Unions of a period's day sets, kept while each of those day sets is the very set it was:
 * {@link storeops.traffic.repository.BitmapStore} hands out one set per stored version of a day and
 * never modifies it, so a changed day comes as another set and the union is composed again. Most
 * reads repeat the period of the read before, or extend it by a day that moved (a live shop's
 * today): the union of all but the last day is kept too and grown by that day's sets alone, instead
 * of ORing a month of 300,000-visitor sets per audience on every read. The unions handed out are
 * shared: callers only read them.
 */
@ApplicationScoped
public class PeriodUnions {

    /** {@code what}: the audience and terminal groups the sets are of; {@code sets}: how many. */
    private record Key(String shopId, Object what, LocalDate from, int sets) {
    }

    /** The {@code what} of a derived set, never equal to a union's. */
    private record Derived(Object what) {
    }

    private record Kept(RoaringBitmap[] of, RoaringBitmap union, long bytes) {
        boolean isOf(List<RoaringBitmap> sets, int count) {
            for (int i = 0; i < count; i++) {
                if (of[i] != sets.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final long capacityBytes;
    private final Map<Key, Kept> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long keptBytes;

    @Inject
    public PeriodUnions(TrafficConfig config) {
        this(config.metrics().unionCacheMb() * 1024L * 1024L);
    }

    PeriodUnions(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /**
     * The union of {@code sets}, the day sets of consecutive days from {@code from}, {@code perDay}
     * of them a day in the same order every day.
     */
    RoaringBitmap union(String shopId, Object what, LocalDate from, int perDay, List<RoaringBitmap> sets) {
        if (capacityBytes <= 0 || sets.size() <= perDay) {
            return sets.size() == 1 ? sets.get(0) : FastAggregation.or(sets.iterator());
        }
        Key whole = new Key(shopId, what, from, sets.size());
        Kept found = kept(whole);
        if (found != null && found.isOf(sets, sets.size())) {
            return found.union();
        }
        int head = sets.size() - perDay;
        Key allButLast = new Key(shopId, what, from, head);
        Kept before = kept(allButLast);
        RoaringBitmap headUnion;
        if (before != null && before.isOf(sets, head)) {
            headUnion = before.union();
        } else {
            headUnion = FastAggregation.or(sets.subList(0, head).iterator());
            keep(allButLast, sets.subList(0, head), headUnion);
        }
        RoaringBitmap union = headUnion.clone();
        for (RoaringBitmap last : sets.subList(head, sets.size())) {
            union.or(last);
        }
        keep(whole, sets, union);
        return union;
    }

    /** A set derived from other sets (the day's effective visitors), kept while they are the same sets. */
    RoaringBitmap derived(String shopId, Object what, LocalDate day, List<RoaringBitmap> from,
            Supplier<RoaringBitmap> compute) {
        if (capacityBytes <= 0) {
            return compute.get();
        }
        Key key = new Key(shopId, new Derived(what), day, from.size());
        Kept found = kept(key);
        if (found != null && found.isOf(from, from.size())) {
            return found.union();
        }
        RoaringBitmap set = compute.get();
        keep(key, from, set);
        return set;
    }

    private synchronized Kept kept(Key key) {
        return kept.get(key);
    }

    private synchronized void keep(Key key, List<RoaringBitmap> of, RoaringBitmap union) {
        Kept entry = new Kept(of.toArray(RoaringBitmap[]::new), union, union.getLongSizeInBytes() + 8L * of.size());
        Kept replaced = kept.put(key, entry);
        keptBytes += entry.bytes() - (replaced == null ? 0 : replaced.bytes());
        Iterator<Kept> eldest = kept.values().iterator();
        while (keptBytes > capacityBytes && eldest.hasNext()) {
            keptBytes -= eldest.next().bytes();
            eldest.remove();
        }
    }
}
