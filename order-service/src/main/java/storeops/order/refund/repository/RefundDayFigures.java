package storeops.order.refund.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;
import storeops.order.repository.DayFiguresStore;
import storeops.order.repository.DayRollup;

/**
 * In-sale refund requests per natural day of {@code appliedAt} ({@code refund_day_figures}, V91):
 * their amounts and the buyers of their orders as a set of buyer keys, so that a period adds its
 * days and takes the cardinality of the union of their sets.
 */
@ApplicationScoped
public class RefundDayFigures implements DayRollup {

    /** One day: requests, their amount, the buyers of their orders. */
    public record Day(int requests, BigDecimal amount, RoaringBitmap buyers) {
    }

    private final AgroalDataSource dataSource;

    public RefundDayFigures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Set<String> recompute(Connection c, String shopId, LocalDate day, long dayStart, long dayEnd)
            throws SQLException {
        Set<String> missing = new LinkedHashSet<>();
        int requests = 0;
        BigDecimal amount = BigDecimal.ZERO;
        RoaringBitmap buyers = new RoaringBitmap();
        // the order's buyer, as the metric always counted them: refunds of an unknown order are left out
        try (PreparedStatement ps = c.prepareStatement("SELECT r.amount, k.buyer_key, o.buyer_id FROM refunds r"
                + " JOIN orders o ON o.shop_id = r.shop_id AND o.order_no = r.order_no"
                + " LEFT JOIN order_buyer_key k ON k.shop_id = o.shop_id AND k.buyer_id = o.buyer_id"
                + " WHERE r.shop_id = ? AND r.phase = 'IN_SALE' AND r.applied_at >= ? AND r.applied_at < ?")) {
            ps.setString(1, shopId);
            ps.setLong(2, dayStart);
            ps.setLong(3, dayEnd);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    requests++;
                    amount = amount.add(rs.getBigDecimal(1));
                    int key = rs.getInt(2);
                    if (rs.wasNull()) {
                        missing.add(rs.getString(3));
                    } else {
                        buyers.add(key);
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM refund_day_figures WHERE shop_id = ? AND epoch_day = ?")) {
            ps.setString(1, shopId);
            ps.setInt(2, (int) day.toEpochDay());
            ps.executeUpdate();
        }
        if (requests > 0 && missing.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO refund_day_figures (shop_id, epoch_day,"
                    + " requests, amount, buyers) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, shopId);
                ps.setInt(2, (int) day.toEpochDay());
                ps.setInt(3, requests);
                ps.setBigDecimal(4, amount);
                DayFiguresStore.bytes(ps, 5, buyers);
                ps.executeUpdate();
            }
        }
        return missing;
    }

    /** The days from .. to (inclusive) that had a request, in day order. */
    public Map<LocalDate, Day> read(String shopId, LocalDate from, LocalDate to) {
        Map<LocalDate, Day> days = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT epoch_day, requests, amount, buyers"
                        + " FROM refund_day_figures WHERE shop_id = ? AND epoch_day >= ? AND epoch_day <= ?")) {
            ps.setString(1, shopId);
            ps.setInt(2, (int) from.toEpochDay());
            ps.setInt(3, (int) to.toEpochDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.put(LocalDate.ofEpochDay(rs.getInt(1)), new Day(rs.getInt(2), rs.getBigDecimal(3),
                            DayFiguresStore.bitmap(rs.getBytes(4))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Refund figures read failed: " + e.getMessage(), e);
        }
        return days;
    }
}
