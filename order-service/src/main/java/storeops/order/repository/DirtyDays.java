package storeops.order.repository;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import storeops.common.time.ShopCalendar;
import storeops.common.version.WrittenDays;
import storeops.order.domain.Order;
import storeops.order.domain.Order.FigureFacts;
import storeops.order.shipping.service.LateShipmentPolicy;

/**
 * Marks the (shop, day)s whose per-day figures an order write changes, in the write's own
 * transaction: the days the order leaves and the days it enters, by creation, payment and
 * shipment. A mark that commits is recomputed before the next read ({@link DayFiguresStore}).
 * Within a request, the same days and those of the order's closing and shipping deadline are the
 * days it declares written, which move only those days' data versions ({@link WrittenDays}).
 */
@ApplicationScoped
public class DirtyDays {

    /** Days per statement; a batch of orders touches a handful of days, a backfill may touch more. */
    private static final int DAYS_PER_STATEMENT = 500;

    private final EntityManager em;
    private final ShopCalendar calendar;
    private final WrittenDays written;
    private final LateShipmentPolicy shipping;

    public DirtyDays(EntityManager em, ShopCalendar calendar, WrittenDays written, LateShipmentPolicy shipping) {
        this.em = em;
        this.calendar = calendar;
        this.written = written;
        this.shipping = shipping;
    }

    /**
     * Marks the days of those of these stored orders whose figures changed since they were loaded
     * (or last marked), in the caller's transaction; an order whose facts are unchanged marks nothing.
     * Answers the days whose data versions the change moves: declared written within a request, for
     * the caller to move once it committed outside one (the timed rules).
     */
    public SortedSet<Long> changed(String shopId, Collection<Order> orders) {
        SortedSet<Long> days = new TreeSet<>();
        SortedSet<Long> versionDays = new TreeSet<>();
        for (Order order : orders) {
            FigureFacts now = order.figureFacts();
            if (now.equals(order.markedFacts) && !order.linesReplaced) {
                continue;
            }
            addDays(shopId, order.markedFacts, days);
            addDays(shopId, now, days);
            if (order.markedFacts != null && !Objects.equals(order.markedFacts.buyerId(), now.buyerId())) {
                refundDays(shopId, order.orderNo, days);
            }
            addLaterDays(shopId, order.markedFacts, versionDays);
            addLaterDays(shopId, now, versionDays);
            order.markedFacts = now;
            order.linesReplaced = false;
        }
        markDays(shopId, days);
        versionDays.addAll(days);
        declareWritten(shopId, versionDays);
        return versionDays;
    }

    /**
     * Marks the days a refund write changes, in the caller's transaction: the days it was applied
     * for (refund figures; the old and the new one on an update) and its order's payment day
     * (late shipment, which a full refund before the deadline waives). Within a request these and
     * the order's shipping-deadline day (where the liability counts) are the days it declares written.
     */
    public void refundChanged(String shopId, Order order, Instant... appliedAt) {
        SortedSet<Long> days = new TreeSet<>();
        for (Instant at : appliedAt) {
            if (at != null) {
                days.add(calendar.dayOf(shopId, at).toEpochDay());
            }
        }
        if (order.paidAt != null) {
            days.add(calendar.dayOf(shopId, order.paidAt).toEpochDay());
        }
        markDays(shopId, days);
        SortedSet<Long> versionDays = new TreeSet<>(days);
        addLaterDays(shopId, order.figureFacts(), versionDays);
        declareWritten(shopId, versionDays);
    }

    /**
     * Within a request: the write was accepted but changed nothing a figure or join reads (a replay,
     * a stale update, a cash-on-delivery destination).
     */
    public void unchanged(String shopId) {
        declareWritten(shopId, new TreeSet<>());
    }

    private void markDays(String shopId, SortedSet<Long> days) {
        List<Long> sorted = List.copyOf(days);
        for (int start = 0; start < sorted.size(); start += DAYS_PER_STATEMENT) {
            List<Long> chunk = sorted.subList(start, Math.min(sorted.size(), start + DAYS_PER_STATEMENT));
            Query insert = em.createNativeQuery(insert(chunk.size()));
            int p = 1;
            for (Long day : chunk) {
                insert.setParameter(p++, shopId).setParameter(p++, day.intValue());
            }
            insert.executeUpdate();
        }
    }

    /** The same for new orders written by JDBC on the transaction's connection: one statement per few hundred days. */
    public void inserted(Connection c, String shopId, Collection<Order> orders) throws SQLException {
        SortedSet<Long> days = new TreeSet<>();
        SortedSet<Long> versionDays = new TreeSet<>();
        for (Order order : orders) {
            FigureFacts facts = order.figureFacts();
            addDays(shopId, facts, days);
            addLaterDays(shopId, facts, versionDays);
            order.markedFacts = facts;
            order.linesReplaced = false;
        }
        versionDays.addAll(days);
        declareWritten(shopId, versionDays);
        List<Long> sorted = List.copyOf(days);
        for (int start = 0; start < sorted.size(); start += DAYS_PER_STATEMENT) {
            List<Long> chunk = sorted.subList(start, Math.min(sorted.size(), start + DAYS_PER_STATEMENT));
            try (PreparedStatement ps = c.prepareStatement(insert(chunk.size()).replaceAll("\\?\\d+", "?"))) {
                int p = 1;
                for (Long day : chunk) {
                    ps.setString(p++, shopId);
                    ps.setInt(p++, day.intValue());
                }
                ps.executeUpdate();
            }
        }
    }

    /**
     * INSERT IGNORE: a day already marked stays marked (a shared lock, so concurrent writers of one
     * day do not queue behind each other); days in ascending order, so writers lock them in one order.
     */
    private static String insert(int days) {
        StringBuilder sql = new StringBuilder("INSERT IGNORE INTO order_day_dirty (shop_id, epoch_day) VALUES ");
        for (int i = 0; i < days; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2).append(')');
        }
        return sql.toString();
    }

    /** The refund figures count the buyers of the refunded orders: a new buyer changes the refunds' days. */
    private void refundDays(String shopId, String orderNo, SortedSet<Long> days) {
        for (Object appliedAt : em.createNativeQuery("SELECT applied_at FROM refunds WHERE shop_id = ?1 AND order_no = ?2")
                .setParameter(1, shopId).setParameter(2, orderNo).getResultList()) {
            days.add(calendar.dayOf(shopId, Instant.ofEpochMilli(((Number) appliedAt).longValue())).toEpochDay());
        }
    }

    /** Days a reader counts the order on beyond its figure days: its closing, its shipping deadline (late shipment). */
    private void addLaterDays(String shopId, FigureFacts facts, SortedSet<Long> days) {
        if (facts == null) {
            return;
        }
        if (facts.closedAt() != null) {
            days.add(calendar.dayOf(shopId, facts.closedAt()).toEpochDay());
        }
        if (facts.paidAt() != null) {
            Instant deadline = shipping.deadline(facts.paidAt(), facts.shippingPromiseHours());
            days.add(calendar.dayOf(shopId, deadline).toEpochDay());
        }
    }

    /** Outside a request (the timed rules), the caller moves the versions of the days itself, after its commit. */
    private void declareWritten(String shopId, SortedSet<Long> days) {
        if (Arc.container().requestContext().isActive()) {
            written.addEpochDays(shopId, days);
        }
    }

    private void addDays(String shopId, FigureFacts facts, SortedSet<Long> days) {
        if (facts == null) {
            return;
        }
        for (Instant at : new Instant[] {facts.createdAt(), facts.paidAt(), facts.shippedAt()}) {
            if (at != null) {
                days.add(calendar.dayOf(shopId, at).toEpochDay());
            }
        }
    }
}
