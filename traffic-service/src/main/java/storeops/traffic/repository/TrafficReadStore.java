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
import java.util.Map;
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
     * One pass over the period and the 6 days before it. A visitor's first visit day in the period
     * is first_in; it is returning when its last visit before the period falls within the 6 days
     * before first_in (visits inside the period before first_in cannot exist by definition).
     */
    private static final String GROUP_PEOPLE = "SELECT grp, COUNT(*),"
            + " SUM(CASE WHEN last_before >= first_in - INTERVAL 6 DAY THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN wap > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN taobao > 0 THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN tmall > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN home > 0 THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN detail > 0 THEN 1 ELSE 0 END)"
            + " FROM (SELECT grp, visitor_id,"
            + "   MIN(CASE WHEN day >= ? THEN day END) first_in,"
            + "   MAX(CASE WHEN day < ? THEN day END) last_before,"
            + "   SUM(CASE WHEN day >= ? THEN wap_views ELSE 0 END) wap,"
            + "   SUM(CASE WHEN day >= ? THEN taobao_app_views ELSE 0 END) taobao,"
            + "   SUM(CASE WHEN day >= ? THEN tmall_app_views ELSE 0 END) tmall,"
            + "   SUM(CASE WHEN day >= ? THEN home_views ELSE 0 END) home,"
            + "   SUM(CASE WHEN day >= ? THEN detail_views ELSE 0 END) detail"
            + "   FROM visitor_day WHERE shop_id = ? AND day BETWEEN ? AND ? AND page_views > 0"
            + "   GROUP BY grp, visitor_id) v"
            + " WHERE first_in IS NOT NULL GROUP BY grp";

    private static final String FAVORITE_USERS = "SELECT COUNT(DISTINCT CASE WHEN shop_favorites > 0 THEN visitor_id END),"
            + " COUNT(DISTINCT CASE WHEN product_favorites > 0 THEN visitor_id END) FROM visitor_day"
            + " WHERE shop_id = ? AND day BETWEEN ? AND ? AND (shop_favorites > 0 OR product_favorites > 0)";

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

    public Map<TerminalGroup, GroupPeople> groupPeople(String shopId, DayPeriod period) {
        Map<TerminalGroup, GroupPeople> people = new EnumMap<>(TerminalGroup.class);
        Date from = Date.valueOf(period.from());
        query(GROUP_PEOPLE, ps -> {
            for (int i = 1; i <= 7; i++) {
                ps.setDate(i, from);
            }
            ps.setString(8, shopId);
            ps.setDate(9, Date.valueOf(period.from().minusDays(6)));
            ps.setDate(10, Date.valueOf(period.to()));
        }, rs -> people.put(group(rs.getString(1)), new GroupPeople(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))));
        return people;
    }

    public FavoriteUsers favoriteUsers(String shopId, DayPeriod period) {
        long[] counts = new long[2];
        query(FAVORITE_USERS, ps -> periodParameters(ps, shopId, period), rs -> {
            counts[0] = rs.getLong(1);
            counts[1] = rs.getLong(2);
        });
        return new FavoriteUsers(counts[0], counts[1]);
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
