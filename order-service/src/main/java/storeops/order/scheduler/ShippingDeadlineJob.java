package storeops.order.scheduler;

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
import storeops.order.shipping.service.LateShipmentService;

/**
 * An unshipped order owes late-shipment compensation on its deadline's day once the deadline has
 * passed (rules.md), without any write: the clock changes that day's figures. So that readers
 * keeping answers by the versions of days (the gateway) see it, this rule moves the versions of
 * the days whose deadlines passed on unshipped orders since its last run. Every replica runs it;
 * a day moved twice only costs a reader one composition more. Its first run looks back a week,
 * for the deadlines that passed while no replica ran.
 */
@ApplicationScoped
public class ShippingDeadlineJob {

    private static final Logger LOG = Logger.getLogger(ShippingDeadlineJob.class);
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(7);

    private final LateShipmentService shipments;
    private final ShopCalendar calendar;
    private final DataVersions versions;
    private final Clock clock;
    private volatile Instant since;

    public ShippingDeadlineJob(LateShipmentService shipments, ShopCalendar calendar, DataVersions versions,
            Clock clock) {
        this.shipments = shipments;
        this.calendar = calendar;
        this.versions = versions;
        this.clock = clock;
    }

    @Scheduled(identity = "shipping-deadlines", every = "${storeops.order.jobs.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Instant now = clock.instant();
        int days = markPassed(since == null ? now.minus(FIRST_LOOK_BACK) : since, now);
        since = now;
        if (days > 0) {
            LOG.debugf("Shipping deadlines passed on %d shop days", days);
        }
    }

    /**
     * Moves the versions of the days of the shipping deadlines in {@code (after, until]} of paid,
     * unshipped orders; answers how many (shop, day)s it moved.
     */
    public int markPassed(Instant after, Instant until) {
        int moved = 0;
        for (Map.Entry<String, List<Instant>> shop : shipments.deadlinesPassed(after, until).entrySet()) {
            SortedSet<Long> days = new TreeSet<>();
            shop.getValue().forEach(at -> days.add(calendar.dayOf(shop.getKey(), at).toEpochDay()));
            versions.bumpDays(shop.getKey(), days);
            moved += days.size();
        }
        return moved;
    }
}
