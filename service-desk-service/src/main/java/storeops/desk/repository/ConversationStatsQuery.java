package storeops.desk.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import storeops.common.time.DayPeriod;
import storeops.desk.domain.ResponseStats;

/** Sums the stored per-conversation figures of a period, in total or per day or per agent. */
@ApplicationScoped
public class ConversationStatsQuery {

    public enum Grouping {
        TOTAL("''"), DAY("day"), AGENT("agent_id");

        private final String column;

        Grouping(String column) {
            this.column = column;
        }
    }

    private final EntityManager em;

    public ConversationStatsQuery(EntityManager em) {
        this.em = em;
    }

    public ResponseStats total(String shopId, DayPeriod period) {
        return grouped(shopId, period, Grouping.TOTAL).getOrDefault("", ResponseStats.NONE);
    }

    /** Groups with at least one conversation, in key order. */
    @SuppressWarnings("unchecked")
    public Map<String, ResponseStats> grouped(String shopId, DayPeriod period, Grouping grouping) {
        String sql = "SELECT " + grouping.column + ", COUNT(*), COUNT(DISTINCT buyer_id),"
                + " SUM(CASE WHEN answered_rounds > 0 THEN 1 ELSE 0 END), SUM(rounds), SUM(answered_rounds),"
                + " SUM(answered_within_target), SUM(response_ms_sum), COUNT(first_response_ms), SUM(first_response_ms)"
                + " FROM conversations WHERE shop_id = ?1 AND day BETWEEN ?2 AND ?3"
                + (grouping == Grouping.TOTAL ? "" : " GROUP BY " + grouping.column + " ORDER BY " + grouping.column);
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, shopId)
                .setParameter(2, period.from().toString()).setParameter(3, period.to().toString()).getResultList();
        Map<String, ResponseStats> stats = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long conversations = number(r[1]);
            if (conversations == 0) {
                continue;
            }
            stats.put(String.valueOf(r[0]), new ResponseStats(conversations, number(r[2]), number(r[3]), number(r[4]),
                    number(r[5]), number(r[6]), number(r[7]), number(r[8]), number(r[9])));
        }
        return stats;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
