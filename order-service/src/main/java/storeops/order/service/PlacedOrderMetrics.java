package storeops.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import storeops.common.time.DayPeriod;
import storeops.common.time.ShopCalendar;
import storeops.order.repository.OrderFigures;
import storeops.order.repository.OrderFiguresRepository;
import storeops.order.repository.OrderFiguresRepository.Measure;
import storeops.order.repository.OrderFiguresRepository.Selection;
import storeops.order.repository.TerminalSlice;

/**
 * The order keys about orders placed (拍下) in the period, paid or not, and about shipments.
 * Amounts are goods amounts (the lines' payment), freight aside.
 */
@ApplicationScoped
public class PlacedOrderMetrics implements OrderMetricSource {

    private final OrderFiguresRepository figures;
    private final ShopCalendar calendar;

    public PlacedOrderMetrics(OrderFiguresRepository figures, ShopCalendar calendar) {
        this.figures = figures;
        this.calendar = calendar;
    }

    @Override
    public Map<String, Object> metrics(String shopId, DayPeriod period) {
        Instant from = calendar.startOf(shopId, period.from());
        Instant to = calendar.endOf(shopId, period.to());
        Selection placed = Selection.of("created_at", from, to);
        Measure all = new Measure(placed, TerminalSlice.ALL);
        Measure pc = new Measure(placed, TerminalSlice.PC);
        Measure wireless = new Measure(placed, TerminalSlice.WIRELESS);
        // placed in the period and paid within it: paid at or before the period's end, not later
        Measure orderedAndPaid = new Measure(placed.and("paid_at", from, to), TerminalSlice.ALL);
        Measure shipped = new Measure(Selection.of("shipped_at", from, to), TerminalSlice.ALL);
        Map<Measure, OrderFigures> f = figures.figures(shopId, List.of(all, pc, wireless, orderedAndPaid, shipped), false);
        Map<String, Object> m = new LinkedHashMap<>();

        m.put("orderedParentOrders", f.get(all).parentOrders());
        m.put("orderAmount", f.get(all).amount());
        m.put("orderBuyers", f.get(all).buyers());
        m.put("orderedItems", f.get(all).items());
        m.put("orderedChildOrders", f.get(all).childOrders());
        m.put("pcOrderAmount", f.get(pc).amount());
        m.put("pcOrderBuyers", f.get(pc).buyers());
        m.put("wirelessOrderAmount", f.get(wireless).amount());
        m.put("wirelessOrderBuyers", f.get(wireless).buyers());

        m.put("orderedAndPaidParentOrders", f.get(orderedAndPaid).parentOrders());
        m.put("orderedAndPaidAmount", f.get(orderedAndPaid).amount());
        m.put("orderedAndPaidBuyers", f.get(orderedAndPaid).buyers());
        m.put("orderedAndPaidItems", f.get(orderedAndPaid).items());

        m.put("shippedParentOrders", f.get(shipped).parentOrders());
        return m;
    }
}
