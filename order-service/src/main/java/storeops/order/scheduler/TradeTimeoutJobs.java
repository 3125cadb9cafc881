package storeops.order.scheduler;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import storeops.common.version.DataVersions;
import storeops.order.config.OrderConfig;
import storeops.order.domain.Order;
import storeops.order.domain.OrderStatus;
import storeops.order.repository.DirtyDays;
import storeops.order.service.CompletionHold;

/**
 * The trade's timed rules: unpaid orders close after the payment window, shipped orders complete
 * after the receipt window. Every replica runs them; each order changes in its own transaction
 * through its {@code @Version} (a compare-and-set), so when two replicas reach the same order one
 * wins and the other skips it: each order is closed or completed once, with one history row. A
 * run after downtime catches up, and the order changes at its deadline, not at the run's time.
 */
@ApplicationScoped
public class TradeTimeoutJobs {

    private static final Logger LOG = Logger.getLogger(TradeTimeoutJobs.class);

    private final EntityManager em;
    private final OrderConfig config;
    private final Clock clock;
    private final Instance<CompletionHold> holds;
    private final DataVersions versions;
    private final DirtyDays dirtyDays;

    public TradeTimeoutJobs(EntityManager em, OrderConfig config, Clock clock, Instance<CompletionHold> holds,
            DataVersions versions, DirtyDays dirtyDays) {
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.holds = holds;
        this.versions = versions;
        this.dirtyDays = dirtyDays;
    }

    @Scheduled(identity = "trade-timeouts", every = "${storeops.order.jobs.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Instant now = clock.instant();
        int closed = closeUnpaid(now);
        int completed = completeShipped(now);
        if (closed + completed > 0) {
            LOG.infof("Closed %d unpaid and completed %d shipped orders", closed, completed);
        }
    }

    /** Closes every order unpaid past its deadline at {@code now}; answers how many this call closed. */
    public int closeUnpaid(Instant now) {
        return sweep(OrderStatus.WAIT_BUYER_PAY, "payDeadline", now, keys -> {
        }, order -> order.closeOnPayTimeout(now));
    }

    /** Completes every shipped order past its receipt deadline unless a {@link CompletionHold} holds it. */
    public int completeShipped(Instant now) {
        Set<Order.Key> held = new HashSet<>();
        return sweep(OrderStatus.WAIT_BUYER_CONFIRM_GOODS, "receiptDeadline", now, keys -> held.addAll(heldAmong(keys)),
                order -> {
                    if (!order.cod && !held.contains(new Order.Key(order.shopId, order.orderNo))) {
                        order.completeOnReceiptTimeout(now);
                    }
                });
    }

    private Set<Order.Key> heldAmong(List<Order.Key> keys) {
        Map<String, List<String>> byShop = new LinkedHashMap<>();
        keys.forEach(k -> byShop.computeIfAbsent(k.shopId, s -> new java.util.ArrayList<>()).add(k.orderNo));
        Set<Order.Key> held = new HashSet<>();
        for (CompletionHold hold : holds) {
            byShop.forEach((shop, nos) -> hold.heldOrders(shop, nos).forEach(no -> held.add(new Order.Key(shop, no))));
        }
        return held;
    }

    /**
     * Walks the due orders in pages ordered by (deadline, shop, order number), so that an order left
     * as it is (held, or already changed by another replica) never blocks the next page.
     */
    private int sweep(OrderStatus status, String deadlineField, Instant now, Consumer<List<Order.Key>> beforePage,
            Consumer<Order> event) {
        int changed = 0;
        Object[] after = null;
        while (true) {
            List<Object[]> page = duePage(status, deadlineField, now, after);
            if (page.isEmpty()) {
                return changed;
            }
            List<Order.Key> keys = page.stream().map(r -> new Order.Key((String) r[1], (String) r[2])).toList();
            beforePage.accept(keys);
            for (Order.Key key : keys) {
                if (changeOne(key, status, event)) {
                    changed++;
                }
            }
            after = page.get(page.size() - 1);
            if (page.size() < config.jobBatchSize()) {
                return changed;
            }
        }
    }

    private List<Object[]> duePage(OrderStatus status, String deadlineField, Instant now, Object[] after) {
        String d = "o." + deadlineField;
        String jpql = "select " + d + ", o.shopId, o.orderNo from Order o where o.status = :status and " + d
                + " <= :now" + (after == null ? ""
                        : " and (" + d + " > :d or (" + d + " = :d and (o.shopId > :shop"
                                + " or (o.shopId = :shop and o.orderNo > :no))))")
                + " order by " + d + ", o.shopId, o.orderNo";
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createQuery(jpql, Object[].class).setParameter("status", status).setParameter("now", now)
                    .setMaxResults(config.jobBatchSize());
            if (after != null) {
                query.setParameter("d", after[0]).setParameter("shop", after[1]).setParameter("no", after[2]);
            }
            return query.getResultList();
        });
    }

    /** One order, one transaction: true when this call changed it, false when it was no longer due or another replica won. */
    private boolean changeOne(Order.Key key, OrderStatus expected, Consumer<Order> event) {
        try {
            SortedSet<Long> days = QuarkusTransaction.requiringNew().call(() -> {
                Order order = em.find(Order.class, key);
                if (order == null || order.status != expected) {
                    return null;
                }
                long version = order.version;
                event.accept(order);
                em.flush();
                return order.version != version ? dirtyDays.changed(key.shopId, List.of(order)) : null;
            });
            if (days == null) {
                return false;
            }
            // after the commit, as DataVersions requires: the days the order is counted on (its closing, say)
            versions.bumpDays(key.shopId, days);
            return true;
        } catch (PersistenceException lostRace) {
            // the other replica changed the order between our read and our versioned update
            return false;
        }
    }
}
