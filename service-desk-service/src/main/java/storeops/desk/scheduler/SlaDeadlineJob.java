package storeops.desk.scheduler;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import storeops.common.time.ShopCalendar;
import storeops.common.version.DataVersions;
import storeops.desk.repository.TicketRepository;

/**
 * An unfinished ticket becomes an SLA breach when its deadline passes (rules.md), without any
 * write: the clock changes the figures of the day it was opened on. So that readers keeping
 * answers by the versions of days (the gateway) see it, this rule moves the versions of the
 * opening days of the tickets whose deadlines passed since its last run. Every replica runs it;
 * a day moved twice only costs a reader one composition more. Its first run looks back a week,
 * for the deadlines that passed while no replica ran.
 */
@ApplicationScoped
public class SlaDeadlineJob {

    private static final Logger LOG = Logger.getLogger(SlaDeadlineJob.class);
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(7);

    private final TicketRepository tickets;
    private final ShopCalendar calendar;
    private final DataVersions versions;
    private final Clock clock;
    private volatile Instant since;

    public SlaDeadlineJob(TicketRepository tickets, ShopCalendar calendar, DataVersions versions, Clock clock) {
        this.tickets = tickets;
        this.calendar = calendar;
        this.versions = versions;
        this.clock = clock;
    }

    @Scheduled(identity = "sla-deadlines", every = "${storeops.desk.jobs.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Instant now = clock.instant();
        int days = markPassed(since == null ? now.minus(FIRST_LOOK_BACK) : since, now);
        since = now;
        if (days > 0) {
            LOG.debugf("SLA deadlines passed on %d shop days", days);
        }
    }

    /**
     * Moves the versions of the opening days of the unfinished tickets whose deadline fell in
     * {@code [after, until)}: a ticket is breached once its clock is past the deadline, so the one
     * due at {@code until} is left to the next run. Answers how many (shop, day)s it moved.
     */
    public int markPassed(Instant after, Instant until) {
        int moved = 0;
        for (Map.Entry<String, List<Instant>> shop : tickets.openedWithDeadlineIn(after, until).entrySet()) {
            SortedSet<Long> days = new TreeSet<>();
            shop.getValue().forEach(at -> days.add(calendar.dayOf(shop.getKey(), at).toEpochDay()));
            versions.bumpDays(shop.getKey(), days);
            moved += days.size();
        }
        return moved;
    }
}
