package storeops.order.refund.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import storeops.common.time.DayPeriod;
import storeops.order.refund.repository.RefundDayFigures;
import storeops.order.service.DayFigures;
import storeops.order.service.OrderMetricSource;

/**
 * The refund keys of metrics.csv: in-sale applications of the period, whatever became of them.
 * Read from the per-day refund figures (recomputed with the trade's dirty days).
 */
@ApplicationScoped
public class RefundMetricSource implements OrderMetricSource {

    private final DayFigures days;
    private final RefundDayFigures figures;

    public RefundMetricSource(DayFigures days, RefundDayFigures figures) {
        this.days = days;
        this.figures = figures;
    }

    @Override
    public Map<String, Object> metrics(String shopId, DayPeriod period) {
        days.refresh(shopId);
        return metrics(figures.read(shopId, period.from(), period.to()).values());
    }

    /** One read of the period's days. */
    @Override
    public Map<LocalDate, Map<String, Object>> daily(String shopId, DayPeriod period) {
        days.refresh(shopId);
        Map<LocalDate, RefundDayFigures.Day> read = figures.read(shopId, period.from(), period.to());
        Map<LocalDate, Map<String, Object>> daily = new LinkedHashMap<>();
        for (LocalDate day : period.eachDay()) {
            RefundDayFigures.Day figures = read.get(day);
            daily.put(day, metrics(figures == null ? List.of() : List.of(figures)));
        }
        return daily;
    }

    private static Map<String, Object> metrics(Collection<RefundDayFigures.Day> days) {
        BigDecimal amount = BigDecimal.ZERO;
        RoaringBitmap buyers = new RoaringBitmap();
        for (RefundDayFigures.Day day : days) {
            amount = amount.add(day.amount());
            buyers.or(day.buyers());
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        // inSaleRefundRequestedAmount: amounts of IN_SALE refunds applied for in the period, any status
        metrics.put("inSaleRefundRequestedAmount", amount.setScale(2, RoundingMode.HALF_UP));
        // inSaleRefundRequestBuyers: distinct buyers (of the refunded orders) among those applications
        metrics.put("inSaleRefundRequestBuyers", buyers.getLongCardinality());
        return metrics;
    }
}
