package storeops.traffic.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import storeops.common.time.DayPeriod;
import storeops.traffic.config.TrafficConfig;
import storeops.traffic.domain.TerminalGroup;
import storeops.traffic.repository.TrafficReadStore;
import storeops.traffic.repository.TrafficReadStore.DayTotals;
import storeops.traffic.repository.TrafficReadStore.ViewedProducts;
import storeops.traffic.service.VisitorSets.FavoriteUsers;
import storeops.traffic.service.VisitorSets.GroupPeople;

/**
 * Every traffic key of metrics.csv, each computed here and nowhere else. Sums and daily means come
 * from the per-day totals; distinct people over the period from the day visitor sets.
 */
@ApplicationScoped
public class TrafficMetricsService {

    static final int SCALE = 6;

    private final TrafficReadStore store;
    private final VisitorSetService visitorSets;
    private final int cacheSize;
    private final Map<String, Cached> cache;

    private record Cached(long version, Map<String, Object> metrics) {
    }

    public TrafficMetricsService(TrafficReadStore store, VisitorSetService visitorSets, TrafficConfig config) {
        this.store = store;
        this.visitorSets = visitorSets;
        this.cacheSize = config.metrics().cacheSize();
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** The same keys for each natural day of the period; the days not cached are computed from one read. */
    public Map<LocalDate, Map<String, Object>> daily(String shopId, DayPeriod period) {
        long version = cacheSize > 0 ? store.version(shopId) : 0;
        Map<LocalDate, Map<String, Object>> days = new LinkedHashMap<>();
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate day : period.eachDay()) {
            Map<String, Object> cached = cached(shopId, DayPeriod.ofDay(day), version);
            days.put(day, cached);
            if (cached == null) {
                missing.add(day);
            }
        }
        if (!missing.isEmpty()) {
            DayPeriod span = new DayPeriod(missing.get(0), missing.get(missing.size() - 1));
            Map<LocalDate, ViewedProducts> products = store.viewedProductsByDay(shopId, span);
            Snapshot snapshot = snapshot(shopId, span, p -> products.getOrDefault(p.from(), ViewedProducts.NONE));
            for (LocalDate day : missing) {
                DayPeriod one = DayPeriod.ofDay(day);
                Map<String, Object> metrics = Collections.unmodifiableMap(compute(one, snapshot));
                remember(shopId, one, version, metrics);
                days.put(day, metrics);
            }
        }
        return days;
    }

    /**
     * The answer for the period, computed again only when the shop's data changed since (late events
     * included: any stored event changes the version).
     */
    public Map<String, Object> metrics(String shopId, DayPeriod period) {
        long version = cacheSize > 0 ? store.version(shopId) : 0;
        Map<String, Object> cached = cached(shopId, period, version);
        if (cached != null) {
            return cached;
        }
        ViewedProducts products = store.viewedProducts(shopId, period);
        Map<String, Object> metrics = Collections.unmodifiableMap(compute(period, snapshot(shopId, period,
                p -> products)));
        remember(shopId, period, version, metrics);
        return metrics;
    }

    private Map<String, Object> cached(String shopId, DayPeriod period, long version) {
        if (cacheSize <= 0) {
            return null;
        }
        synchronized (cache) {
            Cached cached = cache.get(cacheKey(shopId, period));
            return cached != null && cached.version() == version ? cached.metrics() : null;
        }
    }

    private void remember(String shopId, DayPeriod period, long version, Map<String, Object> metrics) {
        if (cacheSize > 0) {
            synchronized (cache) {
                cache.put(cacheKey(shopId, period), new Cached(version, metrics));
            }
        }
    }

    private static String cacheKey(String shopId, DayPeriod period) {
        return shopId + '/' + period.from() + '/' + period.to();
    }

    /** What the metrics of the periods within {@code span} read: all of it fetched at once. */
    private record Snapshot(Map<LocalDate, Map<TerminalGroup, DayTotals>> totals, VisitorSets people,
            Function<DayPeriod, ViewedProducts> products) {
    }

    private Snapshot snapshot(String shopId, DayPeriod span, Function<DayPeriod, ViewedProducts> products) {
        return new Snapshot(store.dayTotals(shopId, span.from().minusDays(1), span.to()),
                visitorSets.sets(shopId, span.from().minusDays(6), span.to(), VisitorSets.PEOPLE), products);
    }

    private Map<String, Object> compute(DayPeriod period, Snapshot snapshot) {
        Map<LocalDate, Map<TerminalGroup, DayTotals>> totals = snapshot.totals();
        List<Day> days = new ArrayList<>();
        for (LocalDate date : period.eachDay()) {
            days.add(Day.of(totals, date));
        }
        Day last = Day.of(totals, period.to());
        Day beforeLast = Day.of(totals, period.to().minusDays(1));
        GroupPeople pc = snapshot.people().groupPeople(period, TerminalGroup.PC);
        GroupPeople wireless = snapshot.people().groupPeople(period, TerminalGroup.WIRELESS);
        FavoriteUsers favorites = snapshot.people().favoriteUsers(period);
        ViewedProducts products = snapshot.products().apply(period);

        Map<String, Object> m = new LinkedHashMap<>();
        // visitors: distinct within each terminal group over the period, PC + wireless added directly
        m.put("visitors", pc.visitors() + wireless.visitors());
        m.put("pcVisitors", pc.visitors());
        // wirelessVisitors: a person seen in WAP and in an app is one wireless visitor
        m.put("wirelessVisitors", wireless.visitors());
        m.put("wapVisitors", wireless.wapVisitors());
        m.put("taobaoAppVisitors", wireless.taobaoAppVisitors());
        m.put("tmallAppVisitors", wireless.tmallAppVisitors());
        m.put("wirelessVisitorShare", ratio(wireless.visitors(), pc.visitors() + wireless.visitors()));
        // returning: judged at each visitor's first visit day in the period, against the 6 days before it
        m.put("returningVisitors", pc.returning() + wireless.returning());
        m.put("pcReturningVisitors", pc.returning());
        m.put("wirelessReturningVisitors", wireless.returning());
        m.put("newVisitors", pc.visitors() - pc.returning() + wireless.visitors() - wireless.returning());
        m.put("returningVisitorShare", ratio(pc.returning() + wireless.returning(), pc.visitors() + wireless.visitors()));
        m.put("visitorsChangeVsPreviousDay", last.pc.visitors() + last.wireless.visitors()
                - beforeLast.pc.visitors() - beforeLast.wireless.visitors());

        m.put("pageViews", sum(days, d -> d.pc.pageViews() + d.wireless.pageViews()));
        m.put("pcPageViews", sum(days, d -> d.pc.pageViews()));
        m.put("wirelessPageViews", sum(days, d -> d.wireless.pageViews()));
        m.put("wapPageViews", sum(days, d -> d.wireless.wapViews()));
        m.put("taobaoAppPageViews", sum(days, d -> d.wireless.taobaoAppViews()));
        m.put("tmallAppPageViews", sum(days, d -> d.wireless.tmallAppViews()));
        m.put("pageViewsChangeVsPreviousDay", last.pc.pageViews() + last.wireless.pageViews()
                - beforeLast.pc.pageViews() - beforeLast.wireless.pageViews());

        // daily means: the mean over the days that have visitors of each day's own ratio
        m.put("pageViewsPerVisitor", dailyMean(days, d -> ratioOrNull(d.pc.pageViews() + d.wireless.pageViews(),
                d.pc.visitors() + d.wireless.visitors())));
        m.put("pcPageViewsPerVisitor", dailyMean(days, d -> ratioOrNull(d.pc.pageViews(), d.pc.visitors())));
        m.put("wirelessPageViewsPerVisitor", dailyMean(days,
                d -> ratioOrNull(d.wireless.pageViews(), d.wireless.visitors())));
        m.put("avgDwellSeconds", dailyMean(days, d -> ratioOrNull(d.pc.dwellSeconds() + d.wireless.dwellSeconds(),
                d.pc.visitors() + d.wireless.visitors())));
        m.put("pcAvgDwellSeconds", dailyMean(days, d -> ratioOrNull(d.pc.dwellSeconds(), d.pc.visitors())));
        m.put("wirelessAvgDwellSeconds", dailyMean(days,
                d -> ratioOrNull(d.wireless.dwellSeconds(), d.wireless.visitors())));
        // bounce: exactly one page view in the group that day; all terminals = (PC + wireless bounced) / visitors
        m.put("bounceRate", dailyMean(days, d -> ratioOrNull(d.pc.bounced() + d.wireless.bounced(),
                d.pc.visitors() + d.wireless.visitors())));
        m.put("pcBounceRate", dailyMean(days, d -> ratioOrNull(d.pc.bounced(), d.pc.visitors())));
        m.put("wirelessBounceRate", dailyMean(days, d -> ratioOrNull(d.wireless.bounced(), d.wireless.visitors())));

        m.put("homepageVisitors", pc.homeVisitors() + wireless.homeVisitors());
        m.put("pcHomepageVisitors", pc.homeVisitors());
        m.put("wirelessHomepageVisitors", wireless.homeVisitors());
        m.put("homepagePageViews", sum(days, d -> d.pc.homeViews() + d.wireless.homeViews()));
        m.put("pcHomepagePageViews", sum(days, d -> d.pc.homeViews()));
        m.put("wirelessHomepagePageViews", sum(days, d -> d.wireless.homeViews()));
        m.put("pcHomepageAvgDwellSeconds", ratio(sum(days, d -> d.pc.homeDwellSeconds()), pc.homeVisitors()));

        m.put("detailPageVisitors", pc.detailVisitors() + wireless.detailVisitors());
        m.put("pcDetailPageVisitors", pc.detailVisitors());
        m.put("wirelessDetailPageVisitors", wireless.detailVisitors());
        m.put("detailPagePageViews", sum(days, d -> d.pc.detailViews() + d.wireless.detailViews()));
        m.put("pcDetailPagePageViews", sum(days, d -> d.pc.detailViews()));
        m.put("wirelessDetailPagePageViews", sum(days, d -> d.wireless.detailViews()));
        // viewed products de-duplicate across all terminals
        m.put("viewedProducts", products.all());
        m.put("pcViewedProducts", products.pc());
        m.put("wirelessViewedProducts", products.wireless());

        m.put("shopFavoriteCount", sum(days, d -> d.pc.shopFavorites() + d.wireless.shopFavorites()));
        m.put("productFavoriteCount", sum(days, d -> d.pc.productFavorites() + d.wireless.productFavorites()));
        // favorite users de-duplicate across all terminals
        m.put("shopFavoriteUsers", favorites.shopFavoriteUsers());
        m.put("productFavoriteUsers", favorites.productFavoriteUsers());
        return m;
    }

    private record Day(DayTotals pc, DayTotals wireless) {
        static Day of(Map<LocalDate, Map<TerminalGroup, DayTotals>> totals, LocalDate date) {
            Map<TerminalGroup, DayTotals> day = totals.getOrDefault(date, Map.of());
            return new Day(day.getOrDefault(TerminalGroup.PC, DayTotals.NONE),
                    day.getOrDefault(TerminalGroup.WIRELESS, DayTotals.NONE));
        }
    }

    private static long sum(List<Day> days, Function<Day, Long> value) {
        long total = 0;
        for (Day d : days) {
            total += value.apply(d);
        }
        return total;
    }

    private static BigDecimal dailyMean(List<Day> days, Function<Day, BigDecimal> value) {
        BigDecimal total = BigDecimal.ZERO;
        int counted = 0;
        for (Day d : days) {
            BigDecimal v = value.apply(d);
            if (v != null) {
                total = total.add(v);
                counted++;
            }
        }
        return counted == 0 ? null : total.divide(BigDecimal.valueOf(counted), SCALE, RoundingMode.HALF_UP);
    }

    /** Unrounded enough to average: rounding happens once, on the mean. */
    private static BigDecimal ratioOrNull(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 12, RoundingMode.HALF_UP);
    }

    static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_UP);
    }
}
