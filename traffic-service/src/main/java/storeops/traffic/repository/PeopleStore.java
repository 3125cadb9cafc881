package storeops.traffic.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import storeops.traffic.domain.DayViews.View;
import storeops.traffic.domain.Source;

/** What the gateway joins with orders: from which channel a buyer last came. */
@ApplicationScoped
public class PeopleStore {

    /**
     * Under MariaDB's in_predicate_conversion_threshold (1,000): a longer IN list becomes a join with
     * a derived table that reads each visitor's every view, whatever the time range.
     */
    static final int IDS_PER_STATEMENT = 500;

    private final AgroalDataSource dataSource;

    public PeopleStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The VIEWs of these visitors between two instants, oldest first per visitor. */
    public Map<String, List<View>> views(String shopId, Set<String> visitorIds, Instant from, Instant to) {
        Map<String, List<View>> views = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (List<String> chunk : chunks(new ArrayList<>(visitorIds))) {
                String sql = "SELECT visitor_id, occurred_at, source FROM traffic_event WHERE shop_id = ?"
                        + " AND visitor_id IN (" + "?,".repeat(chunk.size() - 1) + "?)"
                        + " AND occurred_at BETWEEN ? AND ? AND action = 'VIEW' ORDER BY visitor_id, occurred_at";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int p = 1;
                    ps.setString(p++, shopId);
                    for (String id : chunk) {
                        ps.setString(p++, id);
                    }
                    ps.setLong(p++, from.toEpochMilli());
                    ps.setLong(p, to.toEpochMilli());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            views.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                    .add(new View(rs.getLong(2), Source.valueOf(rs.getString(3))));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Traffic read failed: " + e.getMessage(), e);
        }
        return views;
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += IDS_PER_STATEMENT) {
            chunks.add(ids.subList(start, Math.min(ids.size(), start + IDS_PER_STATEMENT)));
        }
        return chunks;
    }
}
