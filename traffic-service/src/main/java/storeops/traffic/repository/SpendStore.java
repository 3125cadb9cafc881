package storeops.traffic.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import storeops.common.time.DayPeriod;
import storeops.traffic.domain.Source;

/** Spend per channel per day: a PUT sets the day's figure, so a replay changes nothing. */
@ApplicationScoped
public class SpendStore {

    private final AgroalDataSource dataSource;

    public SpendStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void put(String shopId, LocalDate day, Source channel, BigDecimal amount, long nowMillis) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO channel_spend (shop_id, day, channel, amount, updated_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE amount = VALUES(amount), updated_at = VALUES(updated_at)")) {
            ps.setString(1, shopId);
            ps.setDate(2, Date.valueOf(day));
            ps.setString(3, channel.name());
            ps.setBigDecimal(4, amount);
            ps.setLong(5, nowMillis);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record spend: " + e.getMessage(), e);
        }
    }

    public Map<Source, BigDecimal> totals(String shopId, DayPeriod period) {
        Map<Source, BigDecimal> spend = new EnumMap<>(Source.class);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT channel, SUM(amount) FROM channel_spend WHERE shop_id = ? AND day BETWEEN ? AND ?"
                        + " GROUP BY channel")) {
            TrafficReadStore.periodParameters(ps, shopId, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    spend.put(Source.valueOf(rs.getString(1)), rs.getBigDecimal(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Traffic read failed: " + e.getMessage(), e);
        }
        return spend;
    }
}
