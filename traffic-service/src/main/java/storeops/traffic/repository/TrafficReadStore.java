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
 * The reads behind the traffic metrics: day totals from {@code traffic_day} and viewed products
 * from {@code product_day} (never the raw events); distinct people come from {@link BitmapStore}.
 */
@ApplicationScoped
public class TrafficReadStore {

    /** A day's totals in one terminal group, as maintained on ingestion. */
    public record DayTotals(long visitors, long bounced, long pageViews, long wapViews, long taobaoAppViews,
            long tmallAppViews, long homeViews, long detailViews, long dwellSeconds, long homeDwellSeconds,
            long shopFavorites, long productFavorites) {
        public static final DayTotals NONE = new DayTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }


    public record ViewedProducts(long all, long pc, long wireless) {
        public static final ViewedProducts NONE = new ViewedProducts(0, 0, 0);
    }

    private static final String DAY_TOTALS = "SELECT day, grp, visitors, bounced, page_views, wap_views, taobao_app_views,"
            + " tmall_app_views, home_views, detail_views, dwell_seconds, home_dwell_seconds, shop_favorites,"
            + " product_favorites FROM traffic_day WHERE shop_id = ? AND day BETWEEN ? AND ?";

    private static final String VIEWED_PRODUCTS = "SELECT COUNT(DISTINCT product_id),"
            + " COUNT(DISTINCT CASE WHEN grp = 'P' THEN product_id END),"
            + " COUNT(DISTINCT CASE WHEN grp = 'W' THEN product_id END)"
            + " FROM product_day WHERE shop_id = ? AND day BETWEEN ? AND ?";
    private static final String VIEWED_PRODUCTS_BY_DAY = "SELECT day, COUNT(DISTINCT product_id),"
            + " COUNT(DISTINCT CASE WHEN grp = 'P' THEN product_id END),"
            + " COUNT(DISTINCT CASE WHEN grp = 'W' THEN product_id END)"
            + " FROM product_day WHERE shop_id = ? AND day BETWEEN ? AND ? GROUP BY day";

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

    public ViewedProducts viewedProducts(String shopId, DayPeriod period) {
        long[] counts = new long[3];
        query(VIEWED_PRODUCTS, ps -> periodParameters(ps, shopId, period), rs -> {
            counts[0] = rs.getLong(1);
            counts[1] = rs.getLong(2);
            counts[2] = rs.getLong(3);
        });
        return new ViewedProducts(counts[0], counts[1], counts[2]);
    }

    /** Viewed products of each day between two days (inclusive); days without any are absent. */
    public Map<LocalDate, ViewedProducts> viewedProductsByDay(String shopId, DayPeriod period) {
        Map<LocalDate, ViewedProducts> days = new HashMap<>();
        query(VIEWED_PRODUCTS_BY_DAY, ps -> periodParameters(ps, shopId, period),
                rs -> days.put(rs.getDate(1).toLocalDate(), new ViewedProducts(rs.getLong(2), rs.getLong(3),
                        rs.getLong(4))));
        return days;
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
