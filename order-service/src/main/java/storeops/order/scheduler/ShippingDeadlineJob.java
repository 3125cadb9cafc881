package storeops.order.scheduler;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import storeops.common.time.ShopCalendar;
import storeops.common.version.DataVersions;
import storeops.common.version.PassedDeadlines;
import storeops.order.shipping.service.LateShipmentService;

/**
 * An unshipped order owes late-shipment compensation on its deadline's day once the deadline has
 * passed (rules.md), without any write: the clock changes that day's figures, whose version this
 * rule moves.
 */
@Singleton // a normal scope's client proxy would need a no-args constructor of the rule
public class ShippingDeadlineJob extends PassedDeadlines {

    private final LateShipmentService shipments;

    public ShippingDeadlineJob(LateShipmentService shipments, ShopCalendar calendar, DataVersions versions,
            Clock clock) {
        super(calendar, versions, clock);
        this.shipments = shipments;
    }

    @Scheduled(identity = "shipping-deadlines", every = "${storeops.order.jobs.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        runOnce();
    }

    /** The shipping deadlines in {@code (after, until]} of paid, unshipped orders. */
    @Override
    protected Map<String, List<Instant>> changedBy(Instant after, Instant until) {
        return shipments.deadlinesPassed(after, until);
    }
}
