package storeops.order.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import org.hibernate.Session;
import storeops.order.domain.Order;
import storeops.order.domain.OrderLine;
import storeops.order.domain.OrderStatusChange;

/**
 * Writes new orders of a sync batch with JDBC batches on the transaction's own connection:
 * Hibernate would insert them one statement at a time (the history's identity key forbids
 * batching), an ERP pushes thousands at once. Updates of stored orders stay with Hibernate and
 * their {@code @Version}. The new orders' days are marked dirty in the same transaction.
 */
@ApplicationScoped
public class OrderBulkWriter {

    private static final String INSERT_ORDER = "INSERT INTO orders (shop_id, order_no, buyer_id, terminal, status,"
            + " created_at, paid_at, deposit_paid_at, shipped_at, finished_at, closed_at, modified_at, presale, cod,"
            + " free_shipping, freight, goods_amount, shipping_promise_hours, pay_timeout_minutes, pay_deadline,"
            + " receipt_deadline, receipt_extension_days, buyer_extended, receiver_name, receiver_phone,"
            + " receiver_address, item_count, line_count, version)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)";
    private static final String INSERT_LINE = "INSERT INTO order_lines (shop_id, order_no, line_no, product_id, sku_id,"
            + " quantity, price, payment, shipped_at) VALUES (?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_CHANGE = "INSERT INTO order_status_history (shop_id, order_no, from_status,"
            + " to_status, event, actor, reason, at_ms) VALUES (?,?,?,?,?,?,?,?)";

    private final EntityManager em;
    private final DirtyDays dirtyDays;

    public OrderBulkWriter(EntityManager em, DirtyDays dirtyDays) {
        this.em = em;
        this.dirtyDays = dirtyDays;
    }

    public void insert(Collection<Order> orders) {
        if (orders.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            write(connection, orders);
            // the days of the new orders, one statement for the batch's few distinct days
            for (var byShop : orders.stream().collect(java.util.stream.Collectors.groupingBy(o -> o.shopId)).entrySet()) {
                dirtyDays.inserted(connection, byShop.getKey(), byShop.getValue());
            }
        });
    }

    private static void write(Connection c, Collection<Order> orders) throws SQLException {
        try (PreparedStatement o = c.prepareStatement(INSERT_ORDER);
                PreparedStatement l = c.prepareStatement(INSERT_LINE);
                PreparedStatement h = c.prepareStatement(INSERT_CHANGE)) {
            for (Order order : orders) {
                int i = 1;
                o.setString(i++, order.shopId);
                o.setString(i++, order.orderNo);
                o.setString(i++, order.buyerId);
                o.setString(i++, order.terminal.name());
                o.setString(i++, order.status.name());
                millis(o, i++, order.createdAt);
                millis(o, i++, order.paidAt);
                millis(o, i++, order.depositPaidAt);
                millis(o, i++, order.shippedAt);
                millis(o, i++, order.finishedAt);
                millis(o, i++, order.closedAt);
                millis(o, i++, order.modifiedAt);
                o.setBoolean(i++, order.presale);
                o.setBoolean(i++, order.cod);
                o.setBoolean(i++, order.freeShipping);
                o.setBigDecimal(i++, order.freight);
                o.setBigDecimal(i++, order.goodsAmount);
                integer(o, i++, order.shippingPromiseHours);
                integer(o, i++, order.payTimeoutMinutes);
                millis(o, i++, order.payDeadline);
                millis(o, i++, order.receiptDeadline);
                o.setInt(i++, order.receiptExtensionDays);
                o.setBoolean(i++, order.buyerExtended);
                o.setString(i++, order.receiverName);
                o.setString(i++, order.receiverPhone);
                o.setString(i++, order.receiverAddress);
                o.setInt(i++, order.itemCount);
                o.setInt(i++, order.lineCount);
                o.addBatch();
                for (OrderLine line : order.lines) {
                    l.setString(1, order.shopId);
                    l.setString(2, order.orderNo);
                    l.setInt(3, line.lineNo);
                    l.setString(4, line.productId);
                    l.setString(5, line.skuId);
                    l.setInt(6, line.quantity);
                    l.setBigDecimal(7, line.price);
                    l.setBigDecimal(8, line.payment);
                    millis(l, 9, line.shippedAt);
                    l.addBatch();
                }
                for (OrderStatusChange change : order.history) {
                    h.setString(1, order.shopId);
                    h.setString(2, order.orderNo);
                    h.setString(3, change.fromStatus == null ? null : change.fromStatus.name());
                    h.setString(4, change.toStatus.name());
                    h.setString(5, change.event);
                    h.setString(6, change.actor.name());
                    h.setString(7, change.reason);
                    h.setLong(8, change.at.toEpochMilli());
                    h.addBatch();
                }
            }
            o.executeBatch();
            l.executeBatch();
            h.executeBatch();
        }
    }

    private static void millis(PreparedStatement s, int index, Instant instant) throws SQLException {
        if (instant == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, instant.toEpochMilli());
        }
    }

    private static void integer(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

}
