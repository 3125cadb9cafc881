package storeops.order.service;

import static storeops.order.repository.DayFiguresStore.Basis.PLACED;
import static storeops.order.repository.DayFiguresStore.Basis.PLACED_PAID;
import static storeops.order.repository.DayFiguresStore.Basis.SHIPPED;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import storeops.common.time.DayPeriod;
import storeops.order.repository.DayFiguresStore.Row;
import storeops.order.repository.OrderFigures;
import storeops.order.repository.TerminalSlice;

/**
 * The order keys about orders placed (拍下) in the period, paid or not, and about shipments.
 * Amounts are goods amounts (the lines' payment), freight aside. Read from the per-day figures.
 */
@ApplicationScoped
public class PlacedOrderMetrics implements OrderMetricSource {

    private final DayFigures days;

    public PlacedOrderMetrics(DayFigures days) {
        this.days = days;
    }

    @Override
    public Map<String, Object> metrics(String shopId, DayPeriod period) {
        days.refresh(shopId);
        return metrics(period, days.rows(shopId, period.from(), period.to()));
    }

    @Override
    public Map<LocalDate, Map<String, Object>> daily(String shopId, DayPeriod period) {
        days.refresh(shopId);
        List<Row> rows = days.rows(shopId, period.from(), period.to());
        Map<LocalDate, Map<String, Object>> daily = new LinkedHashMap<>();
        for (LocalDate day : period.eachDay()) {
            daily.put(day, metrics(DayPeriod.ofDay(day), rows.stream().filter(r -> r.day().equals(day)).toList()));
        }
        return daily;
    }

    /** The keys of the period from its days' rows. */
    private static Map<String, Object> metrics(DayPeriod period, List<Row> rows) {
        OrderFigures all = DayFigures.sum(rows, PLACED, TerminalSlice.ALL, r -> true);
        OrderFigures pc = DayFigures.sum(rows, PLACED, TerminalSlice.PC, r -> true);
        OrderFigures wireless = DayFigures.sum(rows, PLACED, TerminalSlice.WIRELESS, r -> true);
        // placed in the period and paid within it: paid at or before the period's end, not later
        OrderFigures orderedAndPaid = DayFigures.sum(rows, PLACED_PAID, TerminalSlice.ALL,
                r -> !r.paidDay().isBefore(period.from()) && !r.paidDay().isAfter(period.to()));
        OrderFigures shipped = DayFigures.sum(rows, SHIPPED, TerminalSlice.ALL, r -> true);
        Map<String, Object> m = new LinkedHashMap<>();

        m.put("orderedParentOrders", all.parentOrders());
        m.put("orderAmount", all.amount());
        m.put("orderBuyers", all.buyers());
        m.put("orderedItems", all.items());
        m.put("orderedChildOrders", all.childOrders());
        m.put("pcOrderAmount", pc.amount());
        m.put("pcOrderBuyers", pc.buyers());
        m.put("wirelessOrderAmount", wireless.amount());
        m.put("wirelessOrderBuyers", wireless.buyers());

        m.put("orderedAndPaidParentOrders", orderedAndPaid.parentOrders());
        m.put("orderedAndPaidAmount", orderedAndPaid.amount());
        m.put("orderedAndPaidBuyers", orderedAndPaid.buyers());
        m.put("orderedAndPaidItems", orderedAndPaid.items());

        m.put("shippedParentOrders", shipped.parentOrders());
        return m;
    }
}
