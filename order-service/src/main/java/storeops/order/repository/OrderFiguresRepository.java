package storeops.order.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates over the orders table in a few scans: one over the parent orders and one over their
 * lines, each split by terminal with conditional aggregates. The metric sources decide which
 * figure is which key.
 */
@ApplicationScoped
public class OrderFiguresRepository {

    /** Which orders a figure counts: a time column in [from, to), and optionally a second one. */
    public record Selection(String column, Instant from, Instant to, String alsoColumn, Instant alsoFrom,
            Instant alsoTo) {

        public static Selection of(String column, Instant from, Instant to) {
            return new Selection(column, from, to, null, null, null);
        }

        public Selection and(String column, Instant from, Instant to) {
            return new Selection(this.column, this.from, this.to, column, from, to);
        }

        String where() {
            String where = "o.shop_id = ?1 AND o." + column + " >= ?2 AND o." + column + " < ?3";
            return alsoColumn == null ? where
                    : where + " AND o." + alsoColumn + " >= ?4 AND o." + alsoColumn + " < ?5";
        }

        void bind(jakarta.persistence.Query q, String shopId) {
            q.setParameter(1, shopId).setParameter(2, from.toEpochMilli()).setParameter(3, to.toEpochMilli());
            if (alsoColumn != null) {
                q.setParameter(4, alsoFrom.toEpochMilli()).setParameter(5, alsoTo.toEpochMilli());
            }
        }
    }

    /** One day whose first payments are judged against the 365 days before it. */
    public record LookbackDay(Instant start, Instant end, Instant lookbackStart) {
    }

    private final EntityManager em;

    public OrderFiguresRepository(EntityManager em) {
        this.em = em;
    }

    public Map<TerminalSlice, OrderFigures> figures(String shopId, Selection selection, List<TerminalSlice> slices) {
        StringBuilder parents = new StringBuilder("SELECT ");
        StringBuilder lines = new StringBuilder("SELECT ");
        for (TerminalSlice s : slices) {
            String c = s.condition;
            parents.append("SUM(CASE WHEN ").append(c).append(" THEN 1 ELSE 0 END), ")
                    .append("SUM(CASE WHEN ").append(c).append(" THEN o.goods_amount ELSE 0 END), ")
                    .append("COUNT(DISTINCT CASE WHEN ").append(c).append(" THEN o.buyer_id END), ");
            lines.append("SUM(CASE WHEN ").append(c).append(" THEN 1 ELSE 0 END), ")
                    .append("SUM(CASE WHEN ").append(c).append(" THEN l.quantity ELSE 0 END), ")
                    .append("COUNT(DISTINCT CASE WHEN ").append(c).append(" THEN l.product_id END), ");
        }
        parents.setLength(parents.length() - 2);
        lines.setLength(lines.length() - 2);
        parents.append(" FROM orders o WHERE ").append(selection.where());
        lines.append(" FROM orders o JOIN order_lines l ON l.shop_id = o.shop_id AND l.order_no = o.order_no WHERE ")
                .append(selection.where());
        Object[] p = single(parents.toString(), shopId, selection);
        Object[] l = single(lines.toString(), shopId, selection);
        Map<TerminalSlice, OrderFigures> figures = new EnumMap<>(TerminalSlice.class);
        for (int i = 0; i < slices.size(); i++) {
            figures.put(slices.get(i), new OrderFigures(count(p[3 * i]), money(p[3 * i + 1]), count(p[3 * i + 2]),
                    count(l[3 * i]), count(l[3 * i + 1]), count(l[3 * i + 2])));
        }
        return figures;
    }

    /**
     * Buyers of the slice whose first payment in the period (on day D) follows a payment in the shop,
     * on any terminal, on one of the days D-365 .. D-1. The days come as a derived table so that the
     * shop's zone (and its offsets) decide the natural days, not the database's.
     */
    public long returningBuyers(String shopId, Instant from, Instant to, TerminalSlice slice, List<LookbackDay> days) {
        List<Object> params = new ArrayList<>(List.of(shopId, from.toEpochMilli(), to.toEpochMilli()));
        StringBuilder dayTable = new StringBuilder();
        for (LookbackDay d : days) {
            int n = params.size();
            dayTable.append(dayTable.isEmpty() ? "SELECT " : " UNION ALL SELECT ")
                    .append("?").append(n + 1).append(" AS start_ms, ?").append(n + 2).append(" AS end_ms, ?")
                    .append(n + 3).append(" AS lookback_ms");
            params.add(d.start().toEpochMilli());
            params.add(d.end().toEpochMilli());
            params.add(d.lookbackStart().toEpochMilli());
        }
        String sql = "SELECT COUNT(*) FROM (SELECT o.buyer_id, MIN(o.paid_at) AS first_paid FROM orders o"
                + " WHERE o.shop_id = ?1 AND o.paid_at >= ?2 AND o.paid_at < ?3 AND " + slice.condition
                + " GROUP BY o.buyer_id) f JOIN (" + dayTable + ") d ON f.first_paid >= d.start_ms"
                + " AND f.first_paid < d.end_ms WHERE EXISTS (SELECT 1 FROM orders p WHERE p.shop_id = ?1"
                + " AND p.buyer_id = f.buyer_id AND p.paid_at >= d.lookback_ms AND p.paid_at < d.start_ms)";
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return count(query.getSingleResult());
    }

    private Object[] single(String sql, String shopId, Selection selection) {
        var query = em.createNativeQuery(sql);
        selection.bind(query, shopId);
        Object result = query.getSingleResult();
        return result instanceof Object[] row ? row : new Object[] {result};
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
