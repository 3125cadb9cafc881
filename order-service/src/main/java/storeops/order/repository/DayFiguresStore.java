package storeops.order.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;
import storeops.common.time.ShopCalendar;
import storeops.order.repository.OrderKeyStore.Kind;

/**
 * The per-day figures of the orders ({@code order_day_figures}, V55) and their recomputation. A
 * day is recomputed from its own orders (the payment, creation and shipment indexes, one day's
 * range each) when it is marked dirty ({@link DirtyDays}); the mark row is the day's lock, so two
 * replicas never recompute one day at once, and a write that commits after the recompute read
 * the orders leaves its mark for the next one.
 */
@ApplicationScoped
public class DayFiguresStore {

    /** paid that day / placed that day / shipped that day / placed that day and paid on paid_day. */
    public enum Basis {
        PAID('P'), PLACED('O'), SHIPPED('S'), PLACED_PAID('B');

        public final char code;

        Basis(char code) {
            this.code = code;
        }

        static Basis of(String code) {
            for (Basis b : values()) {
                if (b.code == code.charAt(0)) {
                    return b;
                }
            }
            throw new IllegalStateException("Unknown basis " + code);
        }
    }

    /** The row of a whole day, every terminal. */
    public static final String ALL_TERMINALS = "ALL";

    /** Sums and sets of one row; products only for payments. */
    public record Figures(int parentOrders, BigDecimal amount, int childOrders, int items, RoaringBitmap buyers,
            RoaringBitmap products) {
    }

    /** One stored row: paidDay only for {@link Basis#PLACED_PAID}. */
    public record Row(LocalDate day, Basis basis, String terminal, LocalDate paidDay, Figures figures) {
    }

    private static final int ATTEMPTS_FOR_KEYS = 3;

    private final AgroalDataSource dataSource;
    private final OrderKeyStore keys;
    private final ShopCalendar calendar;
    private final Instance<DayRollup> rollups;

    public DayFiguresStore(AgroalDataSource dataSource, OrderKeyStore keys, ShopCalendar calendar,
            Instance<DayRollup> rollups) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.calendar = calendar;
        this.rollups = rollups;
    }

    /** The shop's days marked dirty, oldest first. */
    public List<LocalDate> dirtyDays(String shopId) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT epoch_day FROM order_day_dirty WHERE shop_id = ? ORDER BY epoch_day")) {
            ps.setString(1, shopId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(LocalDate.ofEpochDay(rs.getInt(1)));
                }
            }
        }
        return days;
    }

    /** Shops with a dirty day. */
    public List<String> dirtyShops() throws SQLException {
        List<String> shops = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT DISTINCT shop_id FROM order_day_dirty")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    shops.add(rs.getString(1));
                }
            }
        }
        return shops;
    }

    /**
     * Recomputes one marked day in one transaction: locks its mark (another replica recomputing it
     * makes this wait, then find the mark gone), reads the day's orders as committed now, replaces
     * the day's rows and removes the mark. False when the day was not (or no longer) marked.
     */
    public boolean recompute(String shopId, LocalDate day) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                int isolation = c.getTransactionIsolation();
                c.setAutoCommit(false);
                // each statement reads what is committed when it runs, after the mark's lock is held
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                try {
                    if (!lockMark(c, shopId, day)) {
                        c.commit();
                        return false;
                    }
                    DayComputation computed = compute(c, shopId, day);
                    long dayStart = calendar.startOf(shopId, day).toEpochMilli();
                    long dayEnd = calendar.endOf(shopId, day).toEpochMilli();
                    for (DayRollup rollup : rollups) {
                        computed.missingBuyers.addAll(rollup.recompute(c, shopId, day, dayStart, dayEnd));
                    }
                    if (!computed.missingBuyers.isEmpty() || !computed.missingProducts.isEmpty()) {
                        c.rollback();
                        if (attempt >= ATTEMPTS_FOR_KEYS) {
                            throw new SQLException("Keys of shop " + shopId + " could not be assigned for " + day);
                        }
                        keys.assign(Kind.BUYER, shopId, computed.missingBuyers);
                        keys.assign(Kind.PRODUCT, shopId, computed.missingProducts);
                        continue;
                    }
                    write(c, shopId, day, computed.rows);
                    try (PreparedStatement ps = c.prepareStatement(
                            "DELETE FROM order_day_dirty WHERE shop_id = ? AND epoch_day = ?")) {
                        ps.setString(1, shopId);
                        ps.setInt(2, (int) day.toEpochDay());
                        ps.executeUpdate();
                    }
                    c.commit();
                    return true;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                    c.setTransactionIsolation(isolation);
                }
            }
        }
    }

    private static boolean lockMark(Connection c, String shopId, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT epoch_day FROM order_day_dirty WHERE shop_id = ? AND epoch_day = ? FOR UPDATE")) {
            ps.setString(1, shopId);
            ps.setInt(2, (int) day.toEpochDay());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Sums and sets being built for one stored row. */
    private static final class Builder {
        int parents;
        BigDecimal amount = BigDecimal.ZERO;
        int childOrders;
        int items;
        final RoaringBitmap buyers = new RoaringBitmap();
        RoaringBitmap products;

        void add(BigDecimal goodsAmount, int lines, int itemCount, int buyerKey) {
            parents++;
            amount = amount.add(goodsAmount);
            childOrders += lines;
            items += itemCount;
            buyers.add(buyerKey);
        }
    }

    private record Key(Basis basis, String terminal, long paidDay) {
    }

    private static final class DayComputation {
        final Map<Key, Builder> rows = new TreeMap<>(java.util.Comparator.comparing((Key k) -> k.basis().code)
                .thenComparing(Key::terminal).thenComparingLong(Key::paidDay));
        final Set<String> missingBuyers = new LinkedHashSet<>();
        final Set<String> missingProducts = new LinkedHashSet<>();

        Builder row(Basis basis, String terminal, long paidDay) {
            return rows.computeIfAbsent(new Key(basis, terminal, paidDay), k -> new Builder());
        }
    }

    private DayComputation compute(Connection c, String shopId, LocalDate day) throws SQLException {
        long from = calendar.startOf(shopId, day).toEpochMilli();
        long to = calendar.endOf(shopId, day).toEpochMilli();
        DayComputation d = new DayComputation();
        String buyerJoin = " LEFT JOIN order_buyer_key k ON k.shop_id = o.shop_id AND k.buyer_id = o.buyer_id";

        try (PreparedStatement ps = c.prepareStatement("SELECT o.terminal, o.goods_amount, o.line_count, o.item_count,"
                + " k.buyer_key, o.buyer_id FROM orders o USE INDEX (ix_orders_paid_figures)" + buyerJoin
                + " WHERE o.shop_id = ? AND o.paid_at >= ? AND o.paid_at < ?")) {
            bindRange(ps, shopId, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer buyer = key(rs, 5, 6, d.missingBuyers);
                    if (buyer != null) {
                        for (String terminal : List.of(rs.getString(1), ALL_TERMINALS)) {
                            d.row(Basis.PAID, terminal, 0).add(rs.getBigDecimal(2), rs.getInt(3), rs.getInt(4), buyer);
                        }
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT o.terminal, pk.product_key, l.product_id"
                + " FROM orders o USE INDEX (ix_orders_paid_figures)"
                + " JOIN order_lines l ON l.shop_id = o.shop_id AND l.order_no = o.order_no"
                + " LEFT JOIN order_product_key pk ON pk.shop_id = l.shop_id AND pk.product_id = l.product_id"
                + " WHERE o.shop_id = ? AND o.paid_at >= ? AND o.paid_at < ?")) {
            bindRange(ps, shopId, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer product = key(rs, 2, 3, d.missingProducts);
                    if (product != null) {
                        for (String terminal : List.of(rs.getString(1), ALL_TERMINALS)) {
                            Builder row = d.row(Basis.PAID, terminal, 0);
                            if (row.products == null) {
                                row.products = new RoaringBitmap();
                            }
                            row.products.add(product);
                        }
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT o.terminal, o.goods_amount, o.line_count, o.item_count,"
                + " k.buyer_key, o.buyer_id, o.paid_at FROM orders o USE INDEX (ix_orders_created_figures)" + buyerJoin
                + " WHERE o.shop_id = ? AND o.created_at >= ? AND o.created_at < ?")) {
            bindRange(ps, shopId, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer buyer = key(rs, 5, 6, d.missingBuyers);
                    if (buyer == null) {
                        continue;
                    }
                    BigDecimal amount = rs.getBigDecimal(2);
                    int lines = rs.getInt(3);
                    int items = rs.getInt(4);
                    for (String terminal : List.of(rs.getString(1), ALL_TERMINALS)) {
                        d.row(Basis.PLACED, terminal, 0).add(amount, lines, items, buyer);
                    }
                    long paidAt = rs.getLong(7);
                    if (!rs.wasNull()) {
                        long paidDay = calendar.dayOf(shopId, Instant.ofEpochMilli(paidAt)).toEpochDay();
                        d.row(Basis.PLACED_PAID, ALL_TERMINALS, paidDay).add(amount, lines, items, buyer);
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM orders o"
                + " WHERE o.shop_id = ? AND o.shipped_at >= ? AND o.shipped_at < ?")) {
            bindRange(ps, shopId, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int shipped = rs.getInt(1);
                if (shipped > 0) {
                    d.row(Basis.SHIPPED, ALL_TERMINALS, 0).parents = shipped;
                }
            }
        }
        return d;
    }

    /** The key in column {@code keyColumn}, or null with the id noted as missing one. */
    private static Integer key(ResultSet rs, int keyColumn, int idColumn, Set<String> missing) throws SQLException {
        int key = rs.getInt(keyColumn);
        if (rs.wasNull()) {
            missing.add(rs.getString(idColumn));
            return null;
        }
        return key;
    }

    private static void bindRange(PreparedStatement ps, String shopId, long from, long to) throws SQLException {
        ps.setString(1, shopId);
        ps.setLong(2, from);
        ps.setLong(3, to);
    }

    private static void write(Connection c, String shopId, LocalDate day, Map<Key, Builder> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM order_day_figures WHERE shop_id = ? AND epoch_day = ?")) {
            ps.setString(1, shopId);
            ps.setInt(2, (int) day.toEpochDay());
            ps.executeUpdate();
        }
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO order_day_figures (shop_id, epoch_day, basis,"
                + " terminal, paid_day, parent_orders, amount, child_orders, items, buyers, products)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (var entry : rows.entrySet()) {
                Key key = entry.getKey();
                Builder b = entry.getValue();
                ps.setString(1, shopId);
                ps.setInt(2, (int) day.toEpochDay());
                ps.setString(3, String.valueOf(key.basis().code));
                ps.setString(4, key.terminal());
                ps.setInt(5, (int) key.paidDay());
                ps.setInt(6, b.parents);
                ps.setBigDecimal(7, b.amount);
                ps.setInt(8, b.childOrders);
                ps.setInt(9, b.items);
                bytes(ps, 10, key.basis() == Basis.SHIPPED ? null : b.buyers);
                bytes(ps, 11, b.products);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every row of the shop's days from .. to (inclusive). */
    public List<Row> read(String shopId, LocalDate from, LocalDate to) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT epoch_day, basis, terminal, paid_day, parent_orders,"
                        + " amount, child_orders, items, buyers, products FROM order_day_figures"
                        + " WHERE shop_id = ? AND epoch_day >= ? AND epoch_day <= ?")) {
            ps.setString(1, shopId);
            ps.setInt(2, (int) from.toEpochDay());
            ps.setInt(3, (int) to.toEpochDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Basis basis = Basis.of(rs.getString(2));
                    rows.add(new Row(LocalDate.ofEpochDay(rs.getInt(1)), basis, rs.getString(3),
                            basis == Basis.PLACED_PAID ? LocalDate.ofEpochDay(rs.getInt(4)) : null,
                            new Figures(rs.getInt(5), rs.getBigDecimal(6), rs.getInt(7), rs.getInt(8),
                                    bitmap(rs.getBytes(9)), bitmap(rs.getBytes(10)))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Order figures read failed: " + e.getMessage(), e);
        }
        return rows;
    }

    /** The all-terminal rows of the placed, paid and placed-and-paid bases of the days from .. to, buyers only. */
    public List<Row> allTerminalBuyers(String shopId, LocalDate from, LocalDate to) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT epoch_day, basis, paid_day, buyers FROM order_day_figures"
                        + " WHERE shop_id = ? AND epoch_day >= ? AND epoch_day <= ? AND basis IN ('O', 'P', 'B')"
                        + " AND terminal = ?")) {
            ps.setString(1, shopId);
            ps.setInt(2, (int) from.toEpochDay());
            ps.setInt(3, (int) to.toEpochDay());
            ps.setString(4, ALL_TERMINALS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Basis basis = Basis.of(rs.getString(2));
                    rows.add(new Row(LocalDate.ofEpochDay(rs.getInt(1)), basis, ALL_TERMINALS,
                            basis == Basis.PLACED_PAID ? LocalDate.ofEpochDay(rs.getInt(3)) : null,
                            new Figures(0, BigDecimal.ZERO, 0, 0, bitmap(rs.getBytes(4)), null)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Order figures read failed: " + e.getMessage(), e);
        }
        return rows;
    }

    /** The buyers who paid in the shop (any terminal) on each day from .. to that had a payment. */
    public Map<LocalDate, RoaringBitmap> paidBuyers(String shopId, LocalDate from, LocalDate to) {
        Map<LocalDate, RoaringBitmap> days = new HashMap<>();
        if (from.isAfter(to)) {
            return days;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT epoch_day, buyers FROM order_day_figures"
                        + " WHERE shop_id = ? AND epoch_day >= ? AND epoch_day <= ? AND basis = 'P' AND terminal = ?")) {
            ps.setString(1, shopId);
            ps.setInt(2, (int) from.toEpochDay());
            ps.setInt(3, (int) to.toEpochDay());
            ps.setString(4, ALL_TERMINALS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.put(LocalDate.ofEpochDay(rs.getInt(1)), bitmap(rs.getBytes(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Order figures read failed: " + e.getMessage(), e);
        }
        return days;
    }

    /** Binds a set as its serialized bytes (SQL NULL for none); shared by the sibling rollups. */
    public static void bytes(PreparedStatement ps, int index, RoaringBitmap bits) throws SQLException {
        if (bits == null) {
            ps.setNull(index, Types.BLOB);
            return;
        }
        bits.runOptimize();
        ByteBuffer buffer = ByteBuffer.allocate(bits.serializedSizeInBytes());
        bits.serialize(buffer);
        ps.setBytes(index, buffer.array());
    }

    /** A stored set (empty for SQL NULL). */
    public static RoaringBitmap bitmap(byte[] bytes) {
        RoaringBitmap bits = new RoaringBitmap();
        if (bytes == null) {
            return bits;
        }
        try {
            bits.deserialize(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable order set", e);
        }
        return bits;
    }
}
