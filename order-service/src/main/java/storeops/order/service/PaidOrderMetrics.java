package storeops.order.service;

import static storeops.order.repository.TerminalSlice.ALL;
import static storeops.order.repository.TerminalSlice.PC;
import static storeops.order.repository.TerminalSlice.TAOBAO_APP;
import static storeops.order.repository.TerminalSlice.TMALL_APP;
import static storeops.order.repository.TerminalSlice.WAP;
import static storeops.order.repository.TerminalSlice.WIRELESS;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import storeops.common.time.DayPeriod;
import storeops.common.time.ShopCalendar;
import storeops.order.repository.OrderFigures;
import storeops.order.repository.OrderFiguresRepository;
import storeops.order.repository.OrderFiguresRepository.Measure;
import storeops.order.repository.OrderFiguresRepository.PayingBuyer;
import storeops.order.repository.OrderFiguresRepository.Selection;
import storeops.order.repository.TerminalSlice;

/**
 * The order keys about payments. An order is paid at {@code paidAt}: a presale when its balance is
 * paid (the deposit is no payment), a COD order when signed for. It belongs to the terminal where
 * it was placed, whatever device paid. Refunds never undo a payment here.
 */
@ApplicationScoped
public class PaidOrderMetrics implements OrderMetricSource {

    /** The returning-buyer look-back: payments on the 365 natural days before (rules.md). */
    static final int LOOKBACK_DAYS = 365;

    private final OrderFiguresRepository figures;
    private final ShopCalendar calendar;

    public PaidOrderMetrics(OrderFiguresRepository figures, ShopCalendar calendar) {
        this.figures = figures;
        this.calendar = calendar;
    }

    @Override
    public Map<String, Object> metrics(String shopId, DayPeriod period) {
        Instant from = calendar.startOf(shopId, period.from());
        Instant to = calendar.endOf(shopId, period.to());
        Selection paidInPeriod = Selection.of("paid_at", from, to);
        Map<TerminalSlice, Measure> slices = new EnumMap<>(TerminalSlice.class);
        for (TerminalSlice slice : List.of(ALL, PC, WIRELESS, TAOBAO_APP, TMALL_APP, WAP)) {
            slices.put(slice, new Measure(paidInPeriod, slice));
        }
        LocalDate last = period.to();
        Measure lastDay = new Measure(Selection.of("paid_at", calendar.startOf(shopId, last), calendar.endOf(shopId, last)), ALL);
        Measure dayBefore = new Measure(Selection.of("paid_at", calendar.startOf(shopId, last.minusDays(1)),
                calendar.startOf(shopId, last)), ALL);
        List<Measure> measures = new java.util.ArrayList<>(slices.values());
        measures.add(lastDay);
        measures.add(dayBefore);
        Map<Measure, OrderFigures> f = figures.figures(shopId, measures, true);
        OrderFigures all = f.get(slices.get(ALL));
        OrderFigures pc = f.get(slices.get(PC));
        OrderFigures wireless = f.get(slices.get(WIRELESS));
        OrderFigures taobaoApp = f.get(slices.get(TAOBAO_APP));
        OrderFigures tmallApp = f.get(slices.get(TMALL_APP));
        OrderFigures wap = f.get(slices.get(WAP));
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

        long returning = 0;
        long pcReturning = 0;
        long wirelessReturning = 0;
        for (PayingBuyer buyer : figures.payingBuyers(shopId, from, to)) {
            returning += returningAt(shopId, buyer, buyer.firstPaid()) ? 1 : 0;
            pcReturning += returningAt(shopId, buyer, buyer.firstPcPaid()) ? 1 : 0;
            wirelessReturning += returningAt(shopId, buyer, buyer.firstWirelessPaid()) ? 1 : 0;
        }
        m.put("pcPaidReturningBuyers", pcReturning);
        m.put("wirelessPaidReturningBuyers", wirelessReturning);
        // returning over all terminals, judged at the buyer's first payment in the period
        m.put("newBuyers", all.buyers() - returning);

        m.put("paidAmountChangeVsPreviousDay", f.get(lastDay).amount().subtract(f.get(dayBefore).amount()));
        return m;
    }

    /**
     * Whether the buyer, first paying in a terminal group at {@code first} (day D), had paid in the
     * shop on any terminal on one of the days D-365 .. D-1. A period spans at most 366 days, so
     * D-365 is never after the period's first day: an earlier payment inside the period always
     * counts, and before the period only the last payment needs checking.
     */
    private boolean returningAt(String shopId, PayingBuyer buyer, Instant first) {
        if (first == null) {
            return false;
        }
        LocalDate day = calendar.dayOf(shopId, first);
        Instant dayStart = calendar.startOf(shopId, day);
        if (buyer.firstPaid().isBefore(dayStart)) {
            return true;
        }
        return buyer.lastPaidBefore() != null
                && !buyer.lastPaidBefore().isBefore(calendar.startOf(shopId, day.minusDays(LOOKBACK_DAYS)));
    }
}
