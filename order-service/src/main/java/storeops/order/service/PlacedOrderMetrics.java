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
        Map<String, Object> m = new LinkedHashMap<>();

        Map<TerminalSlice, OrderFigures> placed = figures.figures(shopId, Selection.of("created_at", from, to),
                List.of(TerminalSlice.ALL, TerminalSlice.PC, TerminalSlice.WIRELESS));
        OrderFigures all = placed.get(TerminalSlice.ALL);
        m.put("orderedParentOrders", all.parentOrders());
        m.put("orderAmount", all.amount());
        m.put("orderBuyers", all.buyers());
        m.put("orderedItems", all.items());
        m.put("orderedChildOrders", all.childOrders());
        m.put("pcOrderAmount", placed.get(TerminalSlice.PC).amount());
        m.put("pcOrderBuyers", placed.get(TerminalSlice.PC).buyers());
        m.put("wirelessOrderAmount", placed.get(TerminalSlice.WIRELESS).amount());
        m.put("wirelessOrderBuyers", placed.get(TerminalSlice.WIRELESS).buyers());

        // placed in the period and paid within it: paid at or before the period's end, not later
        OrderFigures orderedAndPaid = figures.figures(shopId,
                Selection.of("created_at", from, to).and("paid_at", from, to), List.of(TerminalSlice.ALL))
                .get(TerminalSlice.ALL);
        m.put("orderedAndPaidParentOrders", orderedAndPaid.parentOrders());
        m.put("orderedAndPaidAmount", orderedAndPaid.amount());
        m.put("orderedAndPaidBuyers", orderedAndPaid.buyers());
        m.put("orderedAndPaidItems", orderedAndPaid.items());

        m.put("shippedParentOrders", figures.figures(shopId, Selection.of("shipped_at", from, to),
                List.of(TerminalSlice.ALL)).get(TerminalSlice.ALL).parentOrders());
        return m;
    }
}
