package storeops.traffic.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.roaringbitmap.RoaringBitmap;
import storeops.traffic.domain.Source;
import storeops.traffic.domain.Audience;
import storeops.traffic.domain.TerminalGroup;
import storeops.traffic.service.RollupDeltas;
import storeops.traffic.service.RollupDeltas.Counters;
import storeops.traffic.service.RollupDeltas.DayKey;
import storeops.traffic.service.RollupDeltas.VisitorDayKey;

/**
 * Applies the deltas of newly stored events to the product-day and day rollups and to the day
 * visitor sets, in the transaction that stored the events. A day's visitors and bounced count
 * follow from each visitor's transition, read from the day's viewer sets while the transaction
 * holds them locked: not in the viewers before is a new visitor; in the viewers but not among
 * those of 2+ page views is exactly one page view, a bounce, until more arrive. So whatever order
 * events arrive in, one set-based pass per batch keeps the counts exact.
 */
@ApplicationScoped
public class RollupStore {

    private static final int ROWS_PER_STATEMENT = 1000;
    /** The counters a visitor-day and a day share, in the order {@link #bindCounters} binds them. */
    private static final List<String> COUNTERS = List.of("page_views", "wap_views", "taobao_app_views",
            "tmall_app_views", "home_views", "detail_views", "dwell_seconds", "home_dwell_seconds", "shop_favorites",
            "product_favorites", "cart_adds");
    private static final String COUNTER_COLUMNS = String.join(", ", COUNTERS);
    private static final String ADD_COUNTERS = String.join(", ",
            COUNTERS.stream().map(c -> c + " = " + c + " + VALUES(" + c + ")").toList());

    private static final MultiRowSql PRODUCT_DAY = new MultiRowSql(
            "INSERT IGNORE INTO product_day (shop_id, day, grp, product_id)", 4, "");
    /** Past this many remembered product-days the memory starts over (about 100 bytes each). */
    private static final int MAX_KNOWN_PRODUCT_DAYS = 1_000_000;
    private static final MultiRowSql TRAFFIC_DAY = new MultiRowSql(
            "INSERT INTO traffic_day (shop_id, day, grp, " + COUNTER_COLUMNS + ", visitors, bounced)", COUNTERS.size() + 5,
            "ON DUPLICATE KEY UPDATE " + ADD_COUNTERS
                    + ", visitors = visitors + VALUES(visitors), bounced = bounced + VALUES(bounced)");

    private final BitmapStore bitmaps;
    private final VisitorKeyStore visitorKeys;
    private final Set<String> knownProductDays = ConcurrentHashMap.newKeySet();

    public RollupStore(BitmapStore bitmaps, VisitorKeyStore visitorKeys) {
        this.bitmaps = bitmaps;
        this.visitorKeys = visitorKeys;
    }

    /** {@code keys}: the visitor key of every visitor of the deltas. */
    public void apply(Connection c, String shopId, RollupDeltas deltas, Map<String, Integer> keys)
            throws SQLException {
        // product rows first, outside the day sets' lock: batches of one day queue only on that
        insertProductDays(c, shopId, deltas.productDays());
        Map<BitmapStore.Key, RoaringBitmap> sets = audiences(deltas, keys);
        if (!deltas.days().isEmpty()) {
            Set<BitmapStore.Key> wanted = new HashSet<>(sets.keySet());
            for (DayKey day : deltas.days().keySet()) {
                wanted.add(new BitmapStore.Key(day.day(), day.group(), Audience.VIEWERS));
                wanted.add(new BitmapStore.Key(day.day(), day.group(), Audience.MULTI_VIEWERS));
            }
            BitmapStore.Locked stored = bitmaps.lock(c, shopId, deltas.firstDay(), deltas.lastDay(), wanted);
            countTransitions(deltas, keys, stored, sets);
            upsertDays(c, shopId, deltas.days());
            stored.add(sets);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO traffic_version (shop_id, version) VALUES (?, 1)"
                + " ON DUPLICATE KEY UPDATE version = version + 1")) {
            ps.setString(1, shopId);
            ps.executeUpdate();
        }
    }

    /** The audiences each changed visitor-day now belongs to (sets only grow, so adding is enough). */
    private static Map<BitmapStore.Key, RoaringBitmap> audiences(RollupDeltas deltas, Map<String, Integer> keys) {
        Map<BitmapStore.Key, RoaringBitmap> sets = new HashMap<>();
        for (var row : deltas.visitorDays().entrySet()) {
            addAudiences(sets, row.getKey(), row.getValue(), keys.get(row.getKey().visitorId()));
        }
        return sets;
    }

    private static void addAudiences(Map<BitmapStore.Key, RoaringBitmap> sets, VisitorDayKey k, Counters d, int key) {
            add(sets, k, Audience.VIEWERS, d.pageViews, key);
            add(sets, k, Audience.WAP, d.wapViews, key);
            add(sets, k, Audience.TAOBAO_APP, d.taobaoAppViews, key);
            add(sets, k, Audience.TMALL_APP, d.tmallAppViews, key);
            add(sets, k, Audience.HOME, d.homeViews, key);
            add(sets, k, Audience.DETAIL, d.detailViews, key);
            add(sets, k, Audience.SHOP_FAVORITE, d.shopFavorites, key);
            add(sets, k, Audience.PRODUCT_FAVORITE, d.productFavorites, key);
            add(sets, k, Audience.ACTION, d.shopFavorites + d.productFavorites + d.cartAdds, key);
            for (Source source : Source.values()) {
                add(sets, k, Audience.viewersFrom(source), d.sources & source.bit(), key);
            }
    }

    /**
     * ORs the audiences of every visitor-day row of the day into its sets: for days stored while
     * visitor-day rows were written (before the sets existed, or before the per-channel sets). Whatever ingestion added meanwhile stays, so this is safe at any time.
     */
    public void rebuildVisitorSets(Connection c, String shopId, LocalDate day) throws SQLException {
        Map<VisitorDayKey, Counters> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT grp, visitor_id, page_views, wap_views, taobao_app_views,"
                + " tmall_app_views, home_views, detail_views, shop_favorites, product_favorites, cart_adds, sources"
                + " FROM visitor_day WHERE shop_id = ? AND day = ?")) {
            ps.setString(1, shopId);
            ps.setDate(2, Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Counters d = new Counters();
                    d.pageViews = rs.getLong(3);
                    d.wapViews = rs.getLong(4);
                    d.taobaoAppViews = rs.getLong(5);
                    d.tmallAppViews = rs.getLong(6);
                    d.homeViews = rs.getLong(7);
                    d.detailViews = rs.getLong(8);
                    d.shopFavorites = rs.getLong(9);
                    d.productFavorites = rs.getLong(10);
                    d.cartAdds = rs.getLong(11);
                    d.sources = rs.getInt(12);
                    rows.put(new VisitorDayKey(day, TrafficReadStore.group(rs.getString(1)), rs.getString(2)), d);
                }
            }
        }
        Map<String, Integer> keys = visitorKeys.keys(shopId, rows.keySet().stream().map(VisitorDayKey::visitorId)
                .collect(Collectors.toSet()));
        Map<BitmapStore.Key, RoaringBitmap> sets = new HashMap<>();
        for (var row : rows.entrySet()) {
            int key = keys.get(row.getKey().visitorId());
            addAudiences(sets, row.getKey(), row.getValue(), key);
            add(sets, row.getKey(), Audience.MULTI_VIEWERS, row.getValue().pageViews >= 2 ? 1 : 0, key);
        }
        bitmaps.add(c, shopId, sets);
    }

    private static void add(Map<BitmapStore.Key, RoaringBitmap> sets, VisitorDayKey k, Audience audience, long count,
            int key) {
        if (count > 0) {
            sets.computeIfAbsent(new BitmapStore.Key(k.day(), k.group(), audience), x -> new RoaringBitmap()).add(key);
        }
    }

    /**
     * Each visitor-day with page views in this batch: its page views before it, as far as a bounce
     * can tell (none, exactly one, two or more), come from the locked viewer sets.
     */
    private static void countTransitions(RollupDeltas deltas, Map<String, Integer> keys, BitmapStore.Locked stored,
            Map<BitmapStore.Key, RoaringBitmap> sets) {
        for (var row : deltas.visitorDays().entrySet()) {
            long views = row.getValue().pageViews;
            if (views == 0) {
                continue;
            }
            VisitorDayKey k = row.getKey();
            int key = keys.get(k.visitorId());
            long before = !stored.get(new BitmapStore.Key(k.day(), k.group(), Audience.VIEWERS)).contains(key) ? 0
                    : stored.get(new BitmapStore.Key(k.day(), k.group(), Audience.MULTI_VIEWERS)).contains(key) ? 2 : 1;
            long after = before + views;
            Counters day = deltas.days().get(new DayKey(k.day(), k.group()));
            day.visitors += before == 0 ? 1 : 0;
            day.bounced += (after == 1 ? 1 : 0) - (before == 1 ? 1 : 0);
            if (after >= 2 && before < 2) {
                add(sets, k, Audience.MULTI_VIEWERS, 1, key);
            }
        }
    }

    /**
     * A product-day row only says that the product's detail page had a visitor that day, so only
     * rows not known to be stored are written; a row is known once the transaction that wrote it
     * (or found it) committed, see {@link #committed}.
     */
    private void insertProductDays(Connection c, String shopId, Set<RollupDeltas.ProductDayKey> rows)
            throws SQLException {
        List<RollupDeltas.ProductDayKey> all = new ArrayList<>(rows.size());
        for (RollupDeltas.ProductDayKey row : rows) {
            if (!knownProductDays.contains(shopId + '/' + row)) {
                all.add(row);
            }
        }
        for (int start = 0; start < all.size(); start += ROWS_PER_STATEMENT) {
            var chunk = all.subList(start, Math.min(all.size(), start + ROWS_PER_STATEMENT));
            try (PreparedStatement ps = c.prepareStatement(PRODUCT_DAY.rows(chunk.size()))) {
                int p = 1;
                for (var row : chunk) {
                    p = bindKey(ps, p, shopId, row.day(), row.group());
                    ps.setString(p++, row.productId());
                }
                ps.executeUpdate();
            }
        }
    }

    /** After the transaction of {@link #apply} committed: its product-days are stored. */
    public void committed(String shopId, RollupDeltas deltas) {
        if (knownProductDays.size() > MAX_KNOWN_PRODUCT_DAYS) {
            knownProductDays.clear();
        }
        for (RollupDeltas.ProductDayKey row : deltas.productDays()) {
            knownProductDays.add(shopId + '/' + row);
        }
    }

    private void upsertDays(Connection c, String shopId, Map<DayKey, Counters> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(TRAFFIC_DAY.rows(rows.size()))) {
            int p = 1;
            for (var row : rows.entrySet()) {
                Counters d = row.getValue();
                p = bindKey(ps, p, shopId, row.getKey().day(), row.getKey().group());
                p = bindCounters(ps, p, d);
                ps.setLong(p++, d.visitors);
                ps.setLong(p++, d.bounced);
            }
            ps.executeUpdate();
        }
    }

    private static int bindKey(PreparedStatement ps, int p, String shopId, LocalDate day, TerminalGroup group)
            throws SQLException {
        ps.setString(p, shopId);
        ps.setDate(p + 1, Date.valueOf(day));
        ps.setString(p + 2, group.code());
        return p + 3;
    }

    private static int bindCounters(PreparedStatement ps, int p, Counters d) throws SQLException {
        long[] values = {d.pageViews, d.wapViews, d.taobaoAppViews, d.tmallAppViews, d.homeViews, d.detailViews,
            d.dwellSeconds, d.homeDwellSeconds, d.shopFavorites, d.productFavorites, d.cartAdds};
        for (long value : values) {
            ps.setLong(p++, value);
        }
        return p;
    }
}
