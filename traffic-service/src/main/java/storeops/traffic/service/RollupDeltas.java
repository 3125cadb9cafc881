package storeops.traffic.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import storeops.traffic.domain.PageType;
import storeops.traffic.domain.Terminal;
import storeops.traffic.domain.TerminalGroup;
import storeops.traffic.domain.VisitEvent;

/**
 * What a set of newly stored events adds to the rollups: one delta per visitor-day and per day,
 * and the product-days with a detail page view. Product-day and day keys are sorted so that concurrent batches lock
 * rows in one order; visitor-days are no rows, only members of the day sets.
 */
public final class RollupDeltas {

    public record VisitorDayKey(LocalDate day, TerminalGroup group, String visitorId) {
    }

    public record ProductDayKey(LocalDate day, TerminalGroup group, String productId) {
    }

    public record DayKey(LocalDate day, TerminalGroup group) {
    }

    /** Counters of a visitor-day or of a whole day; visitors and bounced only apply to days. */
    public static final class Counters {
        public long pageViews;
        public long wapViews;
        public long taobaoAppViews;
        public long tmallAppViews;
        public long homeViews;
        public long detailViews;
        public long dwellSeconds;
        public long homeDwellSeconds;
        public long shopFavorites;
        public long productFavorites;
        public long cartAdds;
        public int sources;
        public long visitors;
        public long bounced;

        void add(VisitEvent e) {
            switch (e.action()) {
                case VIEW -> {
                    pageViews++;
                    dwellSeconds += e.dwellSeconds();
                    sources |= e.source().bit();
                    if (e.terminal() == Terminal.WAP) {
                        wapViews++;
                    } else if (e.terminal() == Terminal.TAOBAO_APP) {
                        taobaoAppViews++;
                    } else if (e.terminal() == Terminal.TMALL_APP) {
                        tmallAppViews++;
                    }
                    if (e.page() == PageType.HOME) {
                        homeViews++;
                        homeDwellSeconds += e.dwellSeconds();
                    } else if (e.page() == PageType.DETAIL) {
                        detailViews++;
                    }
                }
                case FAVORITE_SHOP -> shopFavorites++;
                case FAVORITE_PRODUCT -> productFavorites++;
                case ADD_TO_CART -> cartAdds++;
            }
        }

        void add(Counters c) {
            pageViews += c.pageViews;
            wapViews += c.wapViews;
            taobaoAppViews += c.taobaoAppViews;
            tmallAppViews += c.tmallAppViews;
            homeViews += c.homeViews;
            detailViews += c.detailViews;
            dwellSeconds += c.dwellSeconds;
            homeDwellSeconds += c.homeDwellSeconds;
            shopFavorites += c.shopFavorites;
            productFavorites += c.productFavorites;
            cartAdds += c.cartAdds;
        }
    }

    private static final Comparator<ProductDayKey> PRODUCT_ORDER = Comparator.comparing(ProductDayKey::day)
            .thenComparing(k -> k.group().code()).thenComparing(ProductDayKey::productId);
    private static final Comparator<DayKey> DAY_ORDER = Comparator.comparing(DayKey::day)
            .thenComparing(k -> k.group().code());

    private final Map<VisitorDayKey, Counters> visitorDays = new HashMap<>();
    private final Set<ProductDayKey> productDays = new TreeSet<>(PRODUCT_ORDER);
    private final TreeMap<DayKey, Counters> days = new TreeMap<>(DAY_ORDER);

    public static RollupDeltas of(Collection<VisitEvent> events) {
        RollupDeltas deltas = new RollupDeltas();
        for (VisitEvent e : events) {
            TerminalGroup group = e.terminal().group();
            deltas.visitorDays.computeIfAbsent(new VisitorDayKey(e.day(), group, e.visitorId()), k -> new Counters())
                    .add(e);
            // viewedProducts: products whose detail page had a visitor
            if (e.isView() && e.page() == PageType.DETAIL && e.productId() != null) {
                deltas.productDays.add(new ProductDayKey(e.day(), group, e.productId()));
            }
        }
        for (var entry : deltas.visitorDays.entrySet()) {
            deltas.days.computeIfAbsent(new DayKey(entry.getKey().day(), entry.getKey().group()), k -> new Counters())
                    .add(entry.getValue());
        }
        return deltas;
    }

    public Map<VisitorDayKey, Counters> visitorDays() {
        return visitorDays;
    }

    public Set<ProductDayKey> productDays() {
        return productDays;
    }

    public Map<DayKey, Counters> days() {
        return days;
    }

    /** The first day with a visitor-day, null when none. */
    public LocalDate firstDay() {
        return days.isEmpty() ? null : days.firstKey().day();
    }

    public LocalDate lastDay() {
        return days.isEmpty() ? null : days.lastKey().day();
    }
}
