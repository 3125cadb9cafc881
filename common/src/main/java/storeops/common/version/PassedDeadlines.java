package storeops.common.version;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import storeops.common.time.ShopCalendar;

/**
 * A timed rule for figures the clock alone changes: a deadline passing with no write (an order
 * unshipped past its shipping deadline, a ticket open past its SLA) changes the figures of a day.
 * So that readers keeping answers by the versions of days (the gateway) see it, each run moves the
 * versions of the days of the deadlines that passed since the run before. Every replica runs it; a
 * day moved twice only costs a reader one composition more. The first run looks back a week, for
 * the deadlines that passed while no replica ran.
 */
public abstract class PassedDeadlines {

    private static final Duration FIRST_LOOK_BACK = Duration.ofDays(7);

    private final ShopCalendar calendar;
    private final DataVersions versions;
    private final Clock clock;
    private volatile Instant since;

    protected PassedDeadlines(ShopCalendar calendar, DataVersions versions, Clock clock) {
        this.calendar = calendar;
        this.versions = versions;
        this.clock = clock;
    }

    /** Per shop, the instants whose days count what the deadlines passed between the two instants changed. */
    protected abstract Map<String, List<Instant>> changedBy(Instant after, Instant until);

    /** One scheduled run: the deadlines passed since the last run (or a week back). */
    protected void runOnce() {
        Instant now = clock.instant();
        int moved = markPassed(since == null ? now.minus(FIRST_LOOK_BACK) : since, now);
        since = now;
        if (moved > 0) {
            Logger.getLogger(getClass()).debugf("Deadlines passed on %d shop days", moved);
        }
    }

    /** Moves the versions of the days of the deadlines passed between the two instants; answers how many (shop, day)s. */
    public int markPassed(Instant after, Instant until) {
        int moved = 0;
        for (Map.Entry<String, List<Instant>> shop : changedBy(after, until).entrySet()) {
            SortedSet<Long> days = new TreeSet<>();
            shop.getValue().forEach(at -> days.add(calendar.dayOf(shop.getKey(), at).toEpochDay()));
            versions.bumpDays(shop.getKey(), days);
            moved += days.size();
        }
        return moved;
    }
}
