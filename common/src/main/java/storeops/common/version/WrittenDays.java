package storeops.common.version;

import jakarta.enterprise.context.RequestScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The natural days (in the shop's zone) whose data a write request changed, as its service
 * declares them while it writes. {@link DataVersionFilter} then moves the versions of those days
 * only, so a reader of a period the write did not touch keeps what it composed (live traffic
 * arrives all day, and yesterday's KPIs need not be composed again for each page view of today).
 * A write that declares nothing moves every day of its shop; a declaration with no day (a replay
 * that changed nothing) moves none.
 */
@RequestScoped
public class WrittenDays {

    private final Map<String, SortedSet<Long>> byShop = new HashMap<>();

    public void add(String shopId, LocalDate day) {
        days(shopId).add(day.toEpochDay());
    }

    public void addEpochDays(String shopId, Collection<Long> epochDays) {
        days(shopId).addAll(epochDays);
    }

    /** Declares that the request changed nothing of the shop beyond what was or will be added. */
    public void declare(String shopId) {
        days(shopId);
    }

    /** Empty when the request declared nothing for the shop (then every day counts as changed). */
    Optional<SortedSet<Long>> of(String shopId) {
        return Optional.ofNullable(byShop.get(shopId));
    }

    private SortedSet<Long> days(String shopId) {
        return byShop.computeIfAbsent(shopId, s -> new TreeSet<>());
    }
}
