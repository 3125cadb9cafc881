package storeops.traffic.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import storeops.traffic.domain.Source;

/** What the gateway joins with orders: from which channel a buyer last came. */
@ApplicationScoped
public class PeopleStore {

    static final int IDS_PER_STATEMENT = 1000;

    /** A VIEW of a buyer: when and from which channel. */
    public record View(long at, Source source) {
    }

    private final AgroalDataSource dataSource;

    public PeopleStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The instants, inclusive, between which a visitor's VIEWs are wanted. */
    public record Window(long from, long to) {
    }

    /**
     * The VIEWs of each visitor within its window (and maybe some around it), oldest first. The
     * visitors go in order of their windows, a thousand to a statement, each statement reading the
     * hull of its visitors' windows from the (visitor, time) index: buyers paying on the same days
     * share a statement, so a 30-day period costs about the week before each payment rather than
     * every view of the period. (One range per visitor, OR-ed, made the optimizer itself the cost.)
     */
    public Map<String, List<View>> views(String shopId, Map<String, Window> windows) {
        List<String> ids = new ArrayList<>(windows.keySet());
        ids.sort(Comparator.comparingLong((String id) -> windows.get(id).from()).thenComparing(Comparator.naturalOrder()));
        Map<String, List<View>> views = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (List<String> chunk : chunks(ids)) {
                long from = chunk.stream().mapToLong(id -> windows.get(id).from()).min().orElseThrow();
                long to = chunk.stream().mapToLong(id -> windows.get(id).to()).max().orElseThrow();
                String sql = "SELECT visitor_id, occurred_at, source FROM traffic_event WHERE shop_id = ?"
                        + " AND visitor_id IN (" + "?,".repeat(chunk.size() - 1) + "?)"
                        + " AND occurred_at BETWEEN ? AND ? AND action = 'VIEW' ORDER BY visitor_id, occurred_at";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int p = 1;
                    ps.setString(p++, shopId);
                    for (String id : chunk) {
                        ps.setString(p++, id);
                    }
                    ps.setLong(p++, from);
                    ps.setLong(p, to);
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
