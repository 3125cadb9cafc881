package storeops.order.scheduler;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import storeops.common.time.ShopCalendar;
import storeops.common.version.DataVersions;
import storeops.order.shipping.service.LateShipmentPolicy;

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
    private static final long HOUR_MS = 3_600_000L;

    private final EntityManager em;
    private final LateShipmentPolicy policy;
    private final ShopCalendar calendar;
    private final DataVersions versions;
    private final Clock clock;
    private Instant since;

    public ShippingDeadlineJob(EntityManager em, LateShipmentPolicy policy, ShopCalendar calendar,
            DataVersions versions, Clock clock) {
        this.em = em;
        this.policy = policy;
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
        String deadline = "o.paid_at + COALESCE(o.shipping_promise_hours, :hours) * " + HOUR_MS;
        List<?> rows = em.createNativeQuery("SELECT o.shop_id, " + deadline + " FROM orders o"
                + " WHERE o.status = 'WAIT_SELLER_SEND_GOODS' AND o.shipped_at IS NULL AND o.paid_at IS NOT NULL"
                + " AND " + deadline + " > :after AND " + deadline + " <= :until")
                .setParameter("hours", policy.promiseHours(null)).setParameter("after", after.toEpochMilli())
                .setParameter("until", until.toEpochMilli()).getResultList();
        Map<String, SortedSet<Long>> days = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String shop = (String) r[0];
            Instant at = Instant.ofEpochMilli(((Number) r[1]).longValue());
            days.computeIfAbsent(shop, s -> new TreeSet<>()).add(calendar.dayOf(shop, at).toEpochDay());
        }
        days.forEach(versions::bumpDays);
        return days.values().stream().mapToInt(SortedSet::size).sum();
    }
}
