package storeops.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import storeops.gateway.domain.MetricCatalog;
import storeops.gateway.rest.KpiViews.DailyView;
import storeops.gateway.rest.KpiViews.DayView;

/**
 * kpi/daily as a spreadsheet: a Chinese header row (name_zh of the dictionary), an English one (the
 * keys), then one row per day. It starts with a byte-order mark so that spreadsheet programs read
 * the Chinese as UTF-8; a value that could not be computed is an empty cell.
 */
@ApplicationScoped
public class DailySheet {

    public static final String TEXT_CSV = "text/csv;charset=UTF-8";

    private final MetricCatalog catalog;

    public DailySheet(MetricCatalog catalog) {
        this.catalog = catalog;
    }

    public String render(DailyView daily) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append("日期");
        catalog.all().forEach(m -> csv.append(',').append(cell(m.nameZh())));
        csv.append("\r\ndate");
        catalog.all().forEach(m -> csv.append(',').append(m.key()));
        csv.append("\r\n");
        for (DayView day : daily.days()) {
            csv.append(day.date());
            for (MetricCatalog.Metric m : catalog.all()) {
                BigDecimal value = day.metrics().get(m.key());
                csv.append(',').append(value == null ? "" : value.toPlainString());
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
