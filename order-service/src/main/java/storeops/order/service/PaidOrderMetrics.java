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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import storeops.common.time.DayPeriod;
import storeops.common.time.ShopCalendar;
import storeops.order.repository.OrderFigures;
import storeops.order.repository.OrderFiguresRepository;
import storeops.order.repository.OrderFiguresRepository.LookbackDay;
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
        Map<TerminalSlice, OrderFigures> paid = figures.figures(shopId, Selection.of("paid_at", from, to),
                List.of(ALL, PC, WIRELESS, TAOBAO_APP, TMALL_APP, WAP));
        OrderFigures all = paid.get(ALL);
        OrderFigures pc = paid.get(PC);
        OrderFigures wireless = paid.get(WIRELESS);
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

        m.put("taobaoAppPaidAmount", paid.get(TAOBAO_APP).amount());
        m.put("taobaoAppPaidBuyers", paid.get(TAOBAO_APP).buyers());
        m.put("taobaoAppPaidItems", paid.get(TAOBAO_APP).items());
        m.put("tmallAppPaidAmount", paid.get(TMALL_APP).amount());
        m.put("tmallAppPaidBuyers", paid.get(TMALL_APP).buyers());
        m.put("tmallAppPaidItems", paid.get(TMALL_APP).items());
        m.put("wapPaidAmount", paid.get(WAP).amount());
        m.put("wapPaidBuyers", paid.get(WAP).buyers());
        m.put("wapPaidItems", paid.get(WAP).items());

        List<LookbackDay> days = period.eachDay().stream().map(d -> lookbackDay(shopId, d)).toList();
        m.put("pcPaidReturningBuyers", figures.returningBuyers(shopId, from, to, PC, days));
        m.put("wirelessPaidReturningBuyers", figures.returningBuyers(shopId, from, to, WIRELESS, days));
        // returning over all terminals, judged at the buyer's first payment in the period
        m.put("newBuyers", all.buyers() - figures.returningBuyers(shopId, from, to, ALL, days));

        LocalDate last = period.to();
        m.put("paidAmountChangeVsPreviousDay", paidOn(shopId, last).amount().subtract(paidOn(shopId, last.minusDays(1)).amount()));
        return m;
    }

    private OrderFigures paidOn(String shopId, LocalDate day) {
        return figures.figures(shopId, Selection.of("paid_at", calendar.startOf(shopId, day), calendar.endOf(shopId, day)),
                List.of(ALL)).get(ALL);
    }

    private LookbackDay lookbackDay(String shopId, LocalDate day) {
        return new LookbackDay(calendar.startOf(shopId, day), calendar.endOf(shopId, day),
                calendar.startOf(shopId, day.minusDays(LOOKBACK_DAYS)));
    }
}
