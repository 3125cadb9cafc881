package storeops.traffic.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import storeops.traffic.domain.Audience;
import storeops.traffic.repository.BitmapStore;
import storeops.traffic.repository.RollupStore;

/**
 * Hands out the day visitor sets of a shop, first building those of days stored before the sets
 * existed (listed in {@code visitor_bitmap_pending} by the migrations that introduced them).
 */
@ApplicationScoped
public class VisitorSetService {

    private static final int ATTEMPTS = 6;

    private final AgroalDataSource dataSource;
    private final BitmapStore bitmaps;
    private final RollupStore rollups;
    /** Shops known to have no pending day: only a migration adds pending days. */
    private final Set<String> built = ConcurrentHashMap.newKeySet();

    private final PeriodUnions unions;

    public VisitorSetService(AgroalDataSource dataSource, BitmapStore bitmaps, RollupStore rollups,
            PeriodUnions unions) {
        this.dataSource = dataSource;
        this.bitmaps = bitmaps;
        this.rollups = rollups;
        this.unions = unions;
    }

    /** The sets of the days between these two (inclusive) in these audiences. */
    VisitorSets sets(String shopId, LocalDate from, LocalDate to, Set<Audience> audiences) {
        if (!built.contains(shopId)) {
            rebuildPending(shopId);
            built.add(shopId);
        }
        return new VisitorSets(shopId, bitmaps.read(shopId, from, to, audiences), unions);
    }

    /** Builds the sets of each pending day of the shop from its visitor-day rows; returns how many. */
    public int rebuildPending(String shopId) {
        return rebuildPending(shopId, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
    }

    /**
     * The same for the pending days between two days: a writer reads a day's state from its sets,
     * so it has them built first (one primary-key range read when, as nearly always, none is pending).
     */
    public int rebuildPending(String shopId, LocalDate from, LocalDate to) {
        try {
            List<LocalDate> days = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT day FROM visitor_bitmap_pending WHERE shop_id = ? AND day BETWEEN ? AND ? ORDER BY day")) {
                ps.setString(1, shopId);
                ps.setDate(2, Date.valueOf(from));
                ps.setDate(3, Date.valueOf(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        days.add(rs.getDate(1).toLocalDate());
                    }
                }
            }
            int rebuilt = 0;
            for (LocalDate day : days) {
                for (int attempt = 1; ; attempt++) {
                    try {
                        rebuilt += rebuildDay(shopId, day) ? 1 : 0;
                        break;
                    } catch (SQLException e) {
                        if (attempt >= ATTEMPTS || !IngestionService.isRetryable(e)) {
                            throw e;
                        }
                    }
                }
            }
            return rebuilt;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not build the visitor sets of shop " + shopId, e);
        }
    }

    private boolean rebuildDay(String shopId, LocalDate day) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                boolean pending;
                // the pending row is the day's lock: two instances never build one day at once
                try (PreparedStatement ps = c.prepareStatement("SELECT day FROM visitor_bitmap_pending"
                        + " WHERE shop_id = ? AND day = ? FOR UPDATE")) {
                    ps.setString(1, shopId);
                    ps.setDate(2, Date.valueOf(day));
                    try (ResultSet rs = ps.executeQuery()) {
                        pending = rs.next();
                    }
                }
                if (pending) {
                    rollups.rebuildVisitorSets(c, shopId, day);
                    try (PreparedStatement ps = c.prepareStatement(
                            "DELETE FROM visitor_bitmap_pending WHERE shop_id = ? AND day = ?")) {
                        ps.setString(1, shopId);
                        ps.setDate(2, Date.valueOf(day));
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return pending;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
