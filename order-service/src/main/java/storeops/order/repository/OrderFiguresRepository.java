package storeops.order.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Aggregates over the orders table: the measures a metric source needs that share a time column
 * come out of one range of a covering index with conditional aggregates (a scan per measure, then
 * one scan of the whole table for all, made a 30-day call over 300,000 orders take seconds);
 * distinct products need the lines, joined to the same range. The sources decide which figure is
 * which metric key.
 */
@ApplicationScoped
public class OrderFiguresRepository {

    /** Orders whose time column falls in [from, to), optionally also a second column in its range. */
    public record Selection(List<Range> ranges) {

        public record Range(String column, Instant from, Instant to) {
        }

        public static Selection of(String column, Instant from, Instant to) {
            return new Selection(List.of(new Range(column, from, to)));
        }

        public Selection and(String column, Instant from, Instant to) {
            List<Range> all = new ArrayList<>(ranges);
            all.add(new Range(column, from, to));
            return new Selection(List.copyOf(all));
        }

        /** Epoch milliseconds inlined: numbers from Instants, never caller text. */
        String condition() {
            return ranges.stream().map(r -> "(o." + r.column() + " >= " + r.from().toEpochMilli() + " AND o."
                    + r.column() + " < " + r.to().toEpochMilli() + ")").collect(Collectors.joining(" AND "));
        }
    }

    /** One set of orders to count: a selection within a terminal group. */
    public record Measure(Selection selection, TerminalSlice slice) {

        String condition() {
            return "(" + selection.condition() + " AND " + slice.condition + ")";
        }
    }

    /** A buyer paying in a period: the first payment there (all terminals, PC, wireless) and the last one before it. */
    public record PayingBuyer(String buyerId, Instant firstPaid, Instant firstPcPaid, Instant firstWirelessPaid,
            Instant lastPaidBefore) {
    }

    private final EntityManager em;

    public OrderFiguresRepository(EntityManager em) {
        this.em = em;
    }

    public Map<Measure, OrderFigures> figures(String shopId, List<Measure> measures, boolean withProducts) {
        Map<String, List<Measure>> byColumn = measures.stream().collect(Collectors.groupingBy(
                m -> m.selection().ranges().get(0).column(), LinkedHashMap::new, Collectors.toList()));
        Map<Measure, OrderFigures> figures = new LinkedHashMap<>();
        for (List<Measure> group : byColumn.values()) {
            figures.putAll(figuresOfOneRange(shopId, group, withProducts));
        }
        Map<Measure, OrderFigures> ordered = new LinkedHashMap<>();
        measures.forEach(m -> ordered.put(m, figures.get(m)));
        return ordered;
    }

    /**
     * Measures led by the same time column: one range over that column (the hull of their ranges)
     * read from the covering index, the exact conditions inside the aggregates.
     */
    private Map<Measure, OrderFigures> figuresOfOneRange(String shopId, List<Measure> measures, boolean withProducts) {
        String column = measures.get(0).selection().ranges().get(0).column();
        long from = measures.stream().mapToLong(m -> m.selection().ranges().get(0).from().toEpochMilli()).min().orElseThrow();
        long to = measures.stream().mapToLong(m -> m.selection().ranges().get(0).to().toEpochMilli()).max().orElseThrow();
        String orders = "orders o" + hint(column);
        String range = " WHERE o.shop_id = ?1 AND o." + column + " >= " + from + " AND o." + column + " < " + to;
        StringBuilder parents = new StringBuilder("SELECT ");
        for (Measure m : measures) {
            String c = m.condition();
            parents.append("SUM(CASE WHEN ").append(c).append(" THEN 1 ELSE 0 END), ")
                    .append("SUM(CASE WHEN ").append(c).append(" THEN o.goods_amount ELSE 0 END), ")
                    .append("COUNT(DISTINCT CASE WHEN ").append(c).append(" THEN o.buyer_id END), ")
                    .append("SUM(CASE WHEN ").append(c).append(" THEN o.line_count ELSE 0 END), ")
                    .append("SUM(CASE WHEN ").append(c).append(" THEN o.item_count ELSE 0 END), ");
        }
        parents.setLength(parents.length() - 2);
        parents.append(" FROM ").append(orders).append(range);
        Object[] p = row(parents.toString(), shopId);
        Object[] products = null;
        if (withProducts) {
            String distinct = measures.stream()
                    .map(m -> "COUNT(DISTINCT CASE WHEN " + m.condition() + " THEN l.product_id END)")
                    .collect(Collectors.joining(", "));
            products = row("SELECT " + distinct + " FROM " + orders + " JOIN order_lines l ON l.shop_id = o.shop_id"
                    + " AND l.order_no = o.order_no" + range, shopId);
        }
        Map<Measure, OrderFigures> figures = new LinkedHashMap<>();
        for (int i = 0; i < measures.size(); i++) {
            figures.put(measures.get(i), new OrderFigures(count(p[5 * i]), money(p[5 * i + 1]), count(p[5 * i + 2]),
                    count(p[5 * i + 3]), count(p[5 * i + 4]), products == null ? 0 : count(products[i])));
        }
        return figures;
    }

    /**
     * A period of a busy shop holds most of its orders, so the optimizers pick the primary key (the
     * whole, wide rows) over the range; the hint (MySQL, MariaDB and H2 alike) keeps them on the
     * covering index. Shipments have no covering index: few orders ship in a period of most shops.
     */
    private static String hint(String column) {
        return switch (column) {
            case "paid_at" -> " USE INDEX (ix_orders_paid_figures)";
            case "created_at" -> " USE INDEX (ix_orders_created_figures)";
            default -> "";
        };
    }

    /**
     * The buyers paying in [from, to), each with its first payment there per terminal group and its
     * last payment in the shop before {@code from} (any terminal), for the 365-day look-back. The range
     * is read in buyer order from an index that holds the terminal (V54), so the grouping streams.
     */
    @SuppressWarnings("unchecked")
    public List<PayingBuyer> payingBuyers(String shopId, Instant from, Instant to) {
        List<Object[]> rows = em.createNativeQuery("SELECT o.buyer_id, MIN(o.paid_at),"
                + " MIN(CASE WHEN " + TerminalSlice.PC.condition + " THEN o.paid_at END),"
                + " MIN(CASE WHEN " + TerminalSlice.WIRELESS.condition + " THEN o.paid_at END),"
                + " (SELECT MAX(p.paid_at) FROM orders p WHERE p.shop_id = ?1 AND p.buyer_id = o.buyer_id"
                + " AND p.paid_at < ?2)"
                + " FROM orders o USE INDEX (ix_orders_buyer_paid_terminal)"
                + " WHERE o.shop_id = ?1 AND o.paid_at >= ?2 AND o.paid_at < ?3"
                + " GROUP BY o.buyer_id")
                .setParameter(1, shopId).setParameter(2, from.toEpochMilli()).setParameter(3, to.toEpochMilli())
                .getResultList();
        return rows.stream().map(r -> new PayingBuyer((String) r[0], instant(r[1]), instant(r[2]), instant(r[3]),
                instant(r[4]))).toList();
    }

    private Object[] row(String sql, String shopId) {
        Object result = em.createNativeQuery(sql).setParameter(1, shopId).getSingleResult();
        return result instanceof Object[] row ? row : new Object[] {result};
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal money(Object value) {
        BigDecimal amount = value == null ? BigDecimal.ZERO
                : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
