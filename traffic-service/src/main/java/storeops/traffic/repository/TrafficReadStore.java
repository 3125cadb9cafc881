package storeops.traffic.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import storeops.common.time.DayPeriod;
import storeops.traffic.domain.TerminalGroup;

/**
 * The reads behind the traffic metrics: day totals from {@code traffic_day}, and exact distinct
 * counts over the period from the visitor-day and product-day rollups (never the raw events).
 */
@ApplicationScoped
public class TrafficReadStore {

    /** A day's totals in one terminal group, as maintained on ingestion. */
    public record DayTotals(long visitors, long bounced, long pageViews, long wapViews, long taobaoAppViews,
            long tmallAppViews, long homeViews, long detailViews, long dwellSeconds, long homeDwellSeconds,
            long shopFavorites, long productFavorites) {
        public static final DayTotals NONE = new DayTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Distinct people of one terminal group over a period. */
    public record GroupPeople(long visitors, long returning, long wapVisitors, long taobaoAppVisitors,
            long tmallAppVisitors, long homeVisitors, long detailVisitors) {
        public static final GroupPeople NONE = new GroupPeople(0, 0, 0, 0, 0, 0, 0);
    }

    public record FavoriteUsers(long shopFavoriteUsers, long productFavoriteUsers) {
    }

    public record ViewedProducts(long all, long pc, long wireless) {
    }

    private static final String DAY_TOTALS = "SELECT day, grp, visitors, bounced, page_views, wap_views, taobao_app_views,"
            + " tmall_app_views, home_views, detail_views, dwell_seconds, home_dwell_seconds, shop_favorites,"
            + " product_favorites FROM traffic_day WHERE shop_id = ? AND day BETWEEN ? AND ?";

    /*
     * One pass over the period and the 6 days before it, streamed in primary-key order and folded per
     * visitor here: a GROUP BY on the visitor id makes the server build a temporary table as large as
     * the period's visitors (measured about 10 times slower at 400,000 visitor-days).
     */
    private static final String GROUP_PEOPLE = "SELECT DATEDIFF(day, ?), grp, visitor_id,"
            + " (CASE WHEN page_views > 0 THEN 1 ELSE 0 END) | (CASE WHEN wap_views > 0 THEN 2 ELSE 0 END)"
            + " | (CASE WHEN taobao_app_views > 0 THEN 4 ELSE 0 END) | (CASE WHEN tmall_app_views > 0 THEN 8 ELSE 0 END)"
            + " | (CASE WHEN home_views > 0 THEN 16 ELSE 0 END) | (CASE WHEN detail_views > 0 THEN 32 ELSE 0 END)"
            + " | (CASE WHEN shop_favorites > 0 THEN 64 ELSE 0 END) | (CASE WHEN product_favorites > 0 THEN 128 ELSE 0 END)"
            + " FROM visitor_day WHERE shop_id = ? AND day BETWEEN ? AND ?";

    private static final int VIEWED = 1;
    private static final int WAP = 2;
    private static final int TAOBAO_APP = 4;
    private static final int TMALL_APP = 8;
    private static final int HOME = 16;
    private static final int DETAIL = 32;
    private static final int SHOP_FAVORITE = 64;
    private static final int PRODUCT_FAVORITE = 128;

    /** Distinct people of each group over a period, and favorite users across both groups. */
    public record PeriodPeople(Map<TerminalGroup, GroupPeople> groups, FavoriteUsers favorites) {
    }

    /** A visitor of one group: its first visit day in the period, its last one before, where it went. */
    private static final class Seen {
        long firstIn = Long.MAX_VALUE;
        long lastBefore = Long.MIN_VALUE;
        int pages;
    }

    private static final String VIEWED_PRODUCTS = "SELECT COUNT(DISTINCT product_id),"
            + " COUNT(DISTINCT CASE WHEN grp = 'P' THEN product_id END),"
            + " COUNT(DISTINCT CASE WHEN grp = 'W' THEN product_id END)"
            + " FROM product_day WHERE shop_id = ? AND day BETWEEN ? AND ?";

    private final AgroalDataSource dataSource;

    public TrafficReadStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The shop's data version: it changes whenever an ingestion stores an event. */
    public long version(String shopId) {
        long[] version = new long[1];
        query("SELECT version FROM traffic_version WHERE shop_id = ?", ps -> ps.setString(1, shopId),
                rs -> version[0] = rs.getLong(1));
        return version[0];
    }

    public Map<LocalDate, Map<TerminalGroup, DayTotals>> dayTotals(String shopId, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<TerminalGroup, DayTotals>> days = new HashMap<>();
        query(DAY_TOTALS, ps -> {
            ps.setString(1, shopId);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
        }, rs -> days.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new EnumMap<>(TerminalGroup.class))
                .put(group(rs.getString(2)), new DayTotals(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                        rs.getLong(13), rs.getLong(14))));
        return days;
    }

    /**
     * Distinct visitors of each group over the period; returning ones are judged at their first visit
     * day in the period against their last visit in the 6 days before it (a visit inside the period
     * before the first one cannot exist). Favorite users de-duplicate across both groups.
     */
    public PeriodPeople periodPeople(String shopId, DayPeriod period) {
        Map<TerminalGroup, Map<String, Seen>> seen = new EnumMap<>(TerminalGroup.class);
        for (TerminalGroup g : TerminalGroup.values()) {
            seen.put(g, new HashMap<>());
        }
        Set<String> shopFavorites = new HashSet<>();
        Set<String> productFavorites = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(GROUP_PEOPLE,
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            // row by row: the driver streams instead of holding the whole result
            ps.setFetchSize(Integer.MIN_VALUE);
            ps.setDate(1, Date.valueOf(period.from()));
            ps.setString(2, shopId);
            ps.setDate(3, Date.valueOf(period.from().minusDays(6)));
            ps.setDate(4, Date.valueOf(period.to()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // days counted from the period's first day: negative before it
                    int day = rs.getInt(1);
                    int flags = rs.getInt(4);
                    String visitorId = rs.getString(3);
                    if (day >= 0 && (flags & SHOP_FAVORITE) != 0) {
                        shopFavorites.add(visitorId);
                    }
                    if (day >= 0 && (flags & PRODUCT_FAVORITE) != 0) {
                        productFavorites.add(visitorId);
                    }
                    if ((flags & VIEWED) == 0) {
                        continue;
                    }
                    Seen visitor = seen.get(group(rs.getString(2))).computeIfAbsent(visitorId, k -> new Seen());
                    if (day < 0) {
                        visitor.lastBefore = Math.max(visitor.lastBefore, day);
                    } else {
                        visitor.firstIn = Math.min(visitor.firstIn, day);
                        visitor.pages |= flags;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Traffic read failed: " + e.getMessage(), e);
        }
        Map<TerminalGroup, GroupPeople> people = new EnumMap<>(TerminalGroup.class);
        for (var group : seen.entrySet()) {
            long[] n = new long[7];
            for (Seen v : group.getValue().values()) {
                if (v.firstIn == Long.MAX_VALUE) {
                    continue;
                }
                n[0]++;
                n[1] += v.lastBefore >= v.firstIn - 6 ? 1 : 0;
                n[2] += (v.pages & WAP) != 0 ? 1 : 0;
                n[3] += (v.pages & TAOBAO_APP) != 0 ? 1 : 0;
                n[4] += (v.pages & TMALL_APP) != 0 ? 1 : 0;
                n[5] += (v.pages & HOME) != 0 ? 1 : 0;
                n[6] += (v.pages & DETAIL) != 0 ? 1 : 0;
            }
            people.put(group.getKey(), new GroupPeople(n[0], n[1], n[2], n[3], n[4], n[5], n[6]));
        }
        return new PeriodPeople(people, new FavoriteUsers(shopFavorites.size(), productFavorites.size()));
    }

    public ViewedProducts viewedProducts(String shopId, DayPeriod period) {
        long[] counts = new long[3];
        query(VIEWED_PRODUCTS, ps -> periodParameters(ps, shopId, period), rs -> {
            counts[0] = rs.getLong(1);
            counts[1] = rs.getLong(2);
            counts[2] = rs.getLong(3);
        });
        return new ViewedProducts(counts[0], counts[1], counts[2]);
    }

    static void periodParameters(PreparedStatement ps, String shopId, DayPeriod period) throws SQLException {
        ps.setString(1, shopId);
        ps.setDate(2, Date.valueOf(period.from()));
        ps.setDate(3, Date.valueOf(period.to()));
    }

    static TerminalGroup group(String code) {
        return "P".equals(code) ? TerminalGroup.PC : TerminalGroup.WIRELESS;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    void query(String sql, Binder binder, RowReader reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Traffic read failed: " + e.getMessage(), e);
        }
    }
}
