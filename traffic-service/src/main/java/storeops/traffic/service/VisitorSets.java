package storeops.traffic.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import storeops.common.time.DayPeriod;
import storeops.traffic.domain.Audience;
import storeops.traffic.domain.Source;
import storeops.traffic.domain.TerminalGroup;
import storeops.traffic.repository.BitmapStore.Key;

/**
 * Exact distinct people over a period, as unions of the day sets of visitor keys. Holds the sets
 * of some days (a period and the 6 days before it, for returning visitors) in memory.
 */
final class VisitorSets {

    /** Distinct people of one terminal group over a period. */
    record GroupPeople(long visitors, long returning, long wapVisitors, long taobaoAppVisitors,
            long tmallAppVisitors, long homeVisitors, long detailVisitors) {
    }

    record FavoriteUsers(long shopFavoriteUsers, long productFavoriteUsers) {
    }

    /** Distinct visitors of all terminals, and those of them who entered effectively on some day. */
    record People(RoaringBitmap visitors, RoaringBitmap effective) {
    }

    private static final RoaringBitmap EMPTY = new RoaringBitmap();

    /** What the metrics and the people counts read. */
    static final Set<Audience> PEOPLE = EnumSet.copyOf(Arrays.stream(Audience.values())
            .filter(a -> a.source() == null).toList());
    /** What the channel counts read. */
    static final Set<Audience> CHANNELS = EnumSet.copyOf(Arrays.stream(Source.values())
            .map(Audience::viewersFrom).toList());

    private final String shopId;
    private final Map<Key, RoaringBitmap> sets;
    private final PeriodUnions unions;

    VisitorSets(String shopId, Map<Key, RoaringBitmap> sets, PeriodUnions unions) {
        this.shopId = shopId;
        this.sets = sets;
        this.unions = unions;
    }

    private RoaringBitmap day(LocalDate day, TerminalGroup group, Audience audience) {
        return sets.getOrDefault(new Key(day, group, audience), EMPTY);
    }

    private RoaringBitmap union(DayPeriod period, TerminalGroup group, Audience audience) {
        List<RoaringBitmap> days = new ArrayList<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            days.add(day(d, group, audience));
        }
        return unions.union(shopId, List.of(group, audience), period.from(), 1, days);
    }

    private long count(DayPeriod period, TerminalGroup group, Audience audience) {
        return union(period, group, audience).getLongCardinality();
    }

    /**
     * Returning visitors are judged at their first visit day in the period, against the 6 days
     * before it. A visit in those 6 days that falls inside the period would precede the first one,
     * so only the days before the period can make a visitor returning, and only for first visits
     * in the period's first 6 days.
     */
    GroupPeople groupPeople(DayPeriod period, TerminalGroup group) {
        RoaringBitmap seen = new RoaringBitmap();
        long returning = 0;
        for (LocalDate d = period.from(); !d.isAfter(period.to()) && d.isBefore(period.from().plusDays(6));
                d = d.plusDays(1)) {
            RoaringBitmap viewers = day(d, group, Audience.VIEWERS);
            List<RoaringBitmap> before = new ArrayList<>();
            for (LocalDate e = d.minusDays(6); e.isBefore(period.from()); e = e.plusDays(1)) {
                before.add(day(e, group, Audience.VIEWERS));
            }
            RoaringBitmap first = RoaringBitmap.andNot(viewers, seen);
            returning += RoaringBitmap.andCardinality(first, FastAggregation.or(before.iterator()));
            seen.or(viewers);
        }
        return new GroupPeople(count(period, group, Audience.VIEWERS), returning,
                count(period, group, Audience.WAP), count(period, group, Audience.TAOBAO_APP),
                count(period, group, Audience.TMALL_APP), count(period, group, Audience.HOME),
                count(period, group, Audience.DETAIL));
    }

    /** Favorite users de-duplicate across both terminal groups. */
    FavoriteUsers favoriteUsers(DayPeriod period) {
        return new FavoriteUsers(allTerminals(period, Audience.SHOP_FAVORITE).getLongCardinality(),
                allTerminals(period, Audience.PRODUCT_FAVORITE).getLongCardinality());
    }

    private RoaringBitmap allTerminals(DayPeriod period, Audience audience) {
        List<RoaringBitmap> days = new ArrayList<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            days.add(day(d, TerminalGroup.PC, audience));
            days.add(day(d, TerminalGroup.WIRELESS, audience));
        }
        return unions.union(shopId, List.of("all terminals", audience), period.from(), 2, days);
    }

    /** Distinct people with a page view from each channel over the period, all terminals together. */
    Map<Source, Long> channelVisitors(DayPeriod period) {
        Map<Source, Long> visitors = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            visitors.put(source, allTerminals(period, Audience.viewersFrom(source)).getLongCardinality());
        }
        return visitors;
    }

    /**
     * Effective entry on a day: at least two page views over all terminals (two in one group, or
     * one in each) or a favorite / cart action; counted among the period's visitors.
     */
    People people(DayPeriod period) {
        RoaringBitmap visitors = allTerminals(period, Audience.VIEWERS);
        List<RoaringBitmap> effectiveDays = new ArrayList<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            List<RoaringBitmap> of = List.of(day(d, TerminalGroup.PC, Audience.MULTI_VIEWERS),
                    day(d, TerminalGroup.WIRELESS, Audience.MULTI_VIEWERS), day(d, TerminalGroup.PC, Audience.ACTION),
                    day(d, TerminalGroup.WIRELESS, Audience.ACTION), day(d, TerminalGroup.PC, Audience.VIEWERS),
                    day(d, TerminalGroup.WIRELESS, Audience.VIEWERS));
            effectiveDays.add(unions.derived(shopId, "effective", d, of, () -> {
                RoaringBitmap effective = FastAggregation.or(of.get(0), of.get(1), of.get(2), of.get(3));
                effective.or(RoaringBitmap.and(of.get(4), of.get(5)));
                return effective;
            }));
        }
        RoaringBitmap effective = unions.union(shopId, "effective", period.from(), 1, effectiveDays);
        return new People(visitors, unions.derived(shopId, List.of("effective visitors", period.days()),
                period.from(), List.of(visitors, effective), () -> RoaringBitmap.and(visitors, effective)));
    }
}
