package storeops.order.service;

import static storeops.order.repository.TerminalSlice.ALL;
import static storeops.order.repository.TerminalSlice.PC;
import static storeops.order.repository.TerminalSlice.TAOBAO_APP;
import static storeops.order.repository.TerminalSlice.TMALL_APP;
import static storeops.order.repository.TerminalSlice.WAP;
import static storeops.order.repository.TerminalSlice.WIRELESS;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import storeops.common.time.DayPeriod;
import storeops.order.repository.DayFiguresStore.Basis;
import storeops.order.repository.DayFiguresStore.Row;
import storeops.order.repository.OrderFigures;
import storeops.order.repository.TerminalSlice;

/**
 * The order keys about payments. An order is paid at {@code paidAt}: a presale when its balance is
 * paid (the deposit is no payment), a COD order when signed for. It belongs to the terminal where
 * it was placed, whatever device paid. Refunds never undo a payment here. Read from the per-day
 * figures: sums added up over the days, buyers and products as the union of the days' sets.
 */
@ApplicationScoped
public class PaidOrderMetrics implements OrderMetricSource {

    /** The returning-buyer look-back: payments on the 365 natural days before (rules.md). */
    static final int LOOKBACK_DAYS = 365;

    private final DayFigures days;

    public PaidOrderMetrics(DayFigures days) {
        this.days = days;
    }

    @Override
    public Map<String, Object> metrics(String shopId, DayPeriod period) {
        days.refresh(shopId);
        // the day before the period too: the change vs the previous day of a one-day period
        List<Row> rows = days.rows(shopId, period.from().minusDays(1), period.to());
        List<Row> inPeriod = rows.stream().filter(r -> !r.day().isBefore(period.from())).toList();
        return metrics(period, rows, returningBuyers(period, inPeriod,
                days.paidBuyers(shopId, period.from().minusDays(LOOKBACK_DAYS), period.from().minusDays(1))));
    }

    /**
     * One read of the rows and of the look-back's paid-buyer sets for the whole period; each day's
     * returning buyers from one forward and one backward walk over the days, as for a period.
     */
    @Override
    public Map<LocalDate, Map<String, Object>> daily(String shopId, DayPeriod period) {
        days.refresh(shopId);
        List<Row> rows = days.rows(shopId, period.from().minusDays(1), period.to());
        Map<LocalDate, List<Row>> byDay = new HashMap<>();
        for (Row row : rows) {
            byDay.computeIfAbsent(row.day(), d -> new ArrayList<>()).add(row);
        }
        List<Map<TerminalSlice, Long>> returning = dailyReturningBuyers(period, rows,
                days.paidBuyers(shopId, period.from().minusDays(LOOKBACK_DAYS), period.from().minusDays(1)));
        Map<LocalDate, Map<String, Object>> daily = new LinkedHashMap<>();
        List<LocalDate> periodDays = period.eachDay();
        for (int i = 0; i < periodDays.size(); i++) {
            LocalDate day = periodDays.get(i);
            List<Row> twoDays = new ArrayList<>(byDay.getOrDefault(day.minusDays(1), List.of()));
            twoDays.addAll(byDay.getOrDefault(day, List.of()));
            daily.put(day, metrics(DayPeriod.ofDay(day), twoDays, returning.get(i)));
        }
        return daily;
    }

    /**
     * The keys of the period from the rows of its days and of the day before, and its returning
     * buyers per terminal group.
     */
    private Map<String, Object> metrics(DayPeriod period, List<Row> rows, Map<TerminalSlice, Long> returning) {
        LocalDate last = period.to();
        List<Row> inPeriod = rows.stream().filter(r -> !r.day().isBefore(period.from())).toList();
        Map<TerminalSlice, OrderFigures> slices = new EnumMap<>(TerminalSlice.class);
        for (TerminalSlice slice : TerminalSlice.values()) {
            slices.put(slice, DayFigures.sum(inPeriod, Basis.PAID, slice, r -> true));
        }
        OrderFigures all = slices.get(ALL);
        OrderFigures pc = slices.get(PC);
        OrderFigures wireless = slices.get(WIRELESS);
        OrderFigures taobaoApp = slices.get(TAOBAO_APP);
        OrderFigures tmallApp = slices.get(TMALL_APP);
        OrderFigures wap = slices.get(WAP);
        OrderFigures lastDay = DayFigures.sum(rows, Basis.PAID, ALL, r -> r.day().equals(last));
        OrderFigures dayBefore = DayFigures.sum(rows, Basis.PAID, ALL, r -> r.day().equals(last.minusDays(1)));
        Map<String, Object> m = new LinkedHashMap<>();

        m.put("paidParentOrders", all.parentOrders());
        m.put("paidAmount", all.amount());
        m.put("paidBuyers", all.buyers());
        m.put("paidItems", all.items());
        m.put("paidProducts", all.products());
        m.put("paidChildOrders", all.childOrders());
        m.put("averageOrderValue", Ratio.of(all.amount(), all.buyers()));
        m.put("paidItemsPerBuyer", Ratio.of(all.items(), all.buyers()));
        m.put("paidChildOrdersPerBuyer", Ratio.of(all.childOrders(), all.buyers()));

        m.put("pcPaidParentOrders", pc.parentOrders());
        m.put("pcPaidAmount", pc.amount());
        m.put("pcPaidBuyers", pc.buyers());
        m.put("pcPaidItems", pc.items());
        m.put("pcPaidProducts", pc.products());
        m.put("pcPaidChildOrders", pc.childOrders());
        m.put("pcAverageOrderValue", Ratio.of(pc.amount(), pc.buyers()));

        m.put("wirelessPaidParentOrders", wireless.parentOrders());
        m.put("wirelessPaidAmount", wireless.amount());
        m.put("wirelessPaidBuyers", wireless.buyers());
        m.put("wirelessPaidItems", wireless.items());
        m.put("wirelessPaidProducts", wireless.products());
        m.put("wirelessPaidChildOrders", wireless.childOrders());
        m.put("wirelessAverageOrderValue", Ratio.of(wireless.amount(), wireless.buyers()));
        m.put("wirelessPaidAmountShare", Ratio.of(wireless.amount(), pc.amount().add(wireless.amount())));
        // the two groups added directly: a buyer paying on both counts in each
        m.put("wirelessPaidBuyerShare", Ratio.of(wireless.buyers(), pc.buyers() + wireless.buyers()));

        m.put("taobaoAppPaidAmount", taobaoApp.amount());
        m.put("taobaoAppPaidBuyers", taobaoApp.buyers());
        m.put("taobaoAppPaidItems", taobaoApp.items());
        m.put("tmallAppPaidAmount", tmallApp.amount());
        m.put("tmallAppPaidBuyers", tmallApp.buyers());
        m.put("tmallAppPaidItems", tmallApp.items());
        m.put("wapPaidAmount", wap.amount());
        m.put("wapPaidBuyers", wap.buyers());
        m.put("wapPaidItems", wap.items());

        long pcReturning = returning.get(PC);
        long wirelessReturning = returning.get(WIRELESS);
        m.put("pcPaidReturningBuyers", pcReturning);
        m.put("wirelessPaidReturningBuyers", wirelessReturning);
        // returning over all terminals, judged at the buyer's first payment in the period
        m.put("newBuyers", all.buyers() - returning.get(ALL));

        m.put("paidAmountChangeVsPreviousDay", lastDay.amount().subtract(dayBefore.amount()));
        return m;
    }

    /**
     * Returning buyers per terminal group (ALL, PC, WIRELESS): a buyer counts in a group when, on
     * the day D of its first payment in that group in the period, it had paid in the shop on any
     * terminal on one of the days D-365 .. D-1. A period spans at most 366 days, so D-365 is never
     * after the period's first day: the look-back is the period's days before D plus the days
     * D-365 .. from-1 before the period. The first pass walks the period forwards, judging each
     * day's first payers against the payers of the period's earlier days and keeping the rest;
     * the second walks backwards, the window before the period growing by one day per step.
     */
    private static Map<TerminalSlice, Long> returningBuyers(DayPeriod period, List<Row> inPeriod,
            Map<LocalDate, RoaringBitmap> paidBefore) {
        List<TerminalSlice> groups = List.of(ALL, PC, WIRELESS);
        List<LocalDate> periodDays = period.eachDay();
        Map<TerminalSlice, Long> returning = new EnumMap<>(TerminalSlice.class);
        Map<TerminalSlice, RoaringBitmap> seen = new EnumMap<>(TerminalSlice.class);
        Map<TerminalSlice, List<RoaringBitmap>> undecided = new EnumMap<>(TerminalSlice.class);
        for (TerminalSlice group : groups) {
            returning.put(group, 0L);
            seen.put(group, new RoaringBitmap());
            undecided.put(group, new ArrayList<>());
        }
        RoaringBitmap paidEarlierInPeriod = new RoaringBitmap();
        for (LocalDate day : periodDays) {
            for (TerminalSlice group : groups) {
                RoaringBitmap payers = DayFigures.buyers(inPeriod, Basis.PAID, group, day);
                RoaringBitmap first = RoaringBitmap.andNot(payers, seen.get(group));
                seen.get(group).or(payers);
                returning.merge(group, (long) RoaringBitmap.andCardinality(first, paidEarlierInPeriod), Long::sum);
                undecided.get(group).add(RoaringBitmap.andNot(first, paidEarlierInPeriod));
            }
            paidEarlierInPeriod.or(DayFigures.buyers(inPeriod, Basis.PAID, ALL, day));
        }
        LocalDate firstDay = period.from();
        // only the days before the period: the map may hold later ones
        Map<LocalDate, RoaringBitmap> before = new java.util.HashMap<>();
        paidBefore.forEach((day, buyers) -> {
            if (day.isBefore(firstDay)) {
                before.put(day, buyers);
            }
        });
        // the window of the period's last day: last-365 .. from-1 (empty when the period spans 366 days)
        RoaringBitmap window = new RoaringBitmap();
        for (LocalDate d = period.to().minusDays(LOOKBACK_DAYS); d.isBefore(firstDay); d = d.plusDays(1)) {
            window.or(before.getOrDefault(d, EMPTY));
        }
        for (int i = periodDays.size() - 1; i >= 0; i--) {
            if (i < periodDays.size() - 1) {
                window.or(before.getOrDefault(periodDays.get(i).minusDays(LOOKBACK_DAYS), EMPTY));
            }
            for (TerminalSlice group : groups) {
                returning.merge(group, (long) RoaringBitmap.andCardinality(undecided.get(group).get(i), window), Long::sum);
            }
        }
        return returning;
    }

    /**
     * Returning buyers of each day of the period as a period of its own (its payers judged against
     * D-365 .. D-1), in the period's day order: walking forwards, each day's payers are judged
     * against the period's earlier days; walking backwards, the rest against the days D-365 ..
     * from-1, a window growing by one day per step. About one set operation per day and group
     * instead of a 365-day union per day.
     */
    private static List<Map<TerminalSlice, Long>> dailyReturningBuyers(DayPeriod period, List<Row> rows,
            Map<LocalDate, RoaringBitmap> paidBefore) {
        List<TerminalSlice> groups = List.of(ALL, PC, WIRELESS);
        List<LocalDate> periodDays = period.eachDay();
        List<Map<TerminalSlice, Long>> returning = new ArrayList<>();
        List<Map<TerminalSlice, RoaringBitmap>> undecided = new ArrayList<>();
        RoaringBitmap paidEarlierInPeriod = new RoaringBitmap();
        for (LocalDate day : periodDays) {
            Map<TerminalSlice, Long> counts = new EnumMap<>(TerminalSlice.class);
            Map<TerminalSlice, RoaringBitmap> rest = new EnumMap<>(TerminalSlice.class);
            RoaringBitmap all = null;
            for (TerminalSlice group : groups) {
                RoaringBitmap payers = DayFigures.buyers(rows, Basis.PAID, group, day);
                counts.put(group, (long) RoaringBitmap.andCardinality(payers, paidEarlierInPeriod));
                rest.put(group, RoaringBitmap.andNot(payers, paidEarlierInPeriod));
                if (group == ALL) {
                    all = payers;
                }
            }
            paidEarlierInPeriod.or(all);
            returning.add(counts);
            undecided.add(rest);
        }
        LocalDate firstDay = period.from();
        RoaringBitmap window = new RoaringBitmap();
        for (LocalDate d = period.to().minusDays(LOOKBACK_DAYS); d.isBefore(firstDay); d = d.plusDays(1)) {
            window.or(paidBefore.getOrDefault(d, EMPTY));
        }
        for (int i = periodDays.size() - 1; i >= 0; i--) {
            if (i < periodDays.size() - 1) {
                LocalDate enters = periodDays.get(i).minusDays(LOOKBACK_DAYS);
                if (enters.isBefore(firstDay)) {
                    window.or(paidBefore.getOrDefault(enters, EMPTY));
                }
            }
            for (TerminalSlice group : groups) {
                returning.get(i).merge(group, (long) RoaringBitmap.andCardinality(undecided.get(i).get(group), window),
                        Long::sum);
            }
        }
        return returning;
    }

    private static final RoaringBitmap EMPTY = new RoaringBitmap();
}
