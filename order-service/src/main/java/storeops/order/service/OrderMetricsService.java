package storeops.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import storeops.common.time.DayPeriod;

/** Every order key: the union of all {@link OrderMetricSource} beans (trade, refunds, late shipment...). */
@ApplicationScoped
public class OrderMetricsService {

    public record Day(LocalDate date, Map<String, Object> metrics) {
    }

    private static final Logger LOG = Logger.getLogger(OrderMetricsService.class);

    private final Instance<OrderMetricSource> sources;

    public OrderMetricsService(Instance<OrderMetricSource> sources) {
        this.sources = sources;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> metrics(String shopId, DayPeriod period) {
        Map<String, Object> metrics = new TreeMap<>();
        for (OrderMetricSource source : sources) {
            long started = System.nanoTime();
            Map<String, Object> figures = source.metrics(shopId, period);
            // a slow metrics call is found source by source: each one's time at DEBUG
            LOG.debugf("%s: %d ms for shop %s, %s..%s", source.getClass().getSimpleName(),
                    (System.nanoTime() - started) / 1_000_000, shopId, period.from(), period.to());
            merge(metrics, figures);
        }
        return metrics;
    }

    /** Each day of the period as a period of its own; each source reads the whole period at once where it can. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Day> daily(String shopId, DayPeriod period) {
        Map<LocalDate, Map<String, Object>> byDay = new TreeMap<>();
        for (LocalDate day : period.eachDay()) {
            byDay.put(day, new TreeMap<>());
        }
        for (OrderMetricSource source : sources) {
            for (var day : source.daily(shopId, period).entrySet()) {
                merge(byDay.get(day.getKey()), day.getValue());
            }
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((day, metrics) -> days.add(new Day(day, metrics)));
        return days;
    }

    private static void merge(Map<String, Object> metrics, Map<String, Object> figures) {
        for (var entry : figures.entrySet()) {
            if (metrics.containsKey(entry.getKey())) {
                throw new IllegalStateException("Metric " + entry.getKey() + " is computed by two sources");
            }
            metrics.put(entry.getKey(), entry.getValue());
        }
    }

}
