package storeops.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import storeops.common.time.DayPeriod;
import storeops.common.time.ShopCalendar;

/** The order keys of metrics.csv, each computed in one place. */
@ApplicationScoped
public class OrderMetricsService {

    private final EntityManager em;
    private final ShopCalendar calendar;

    public OrderMetricsService(EntityManager em, ShopCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    public Map<String, Object> metrics(String shopId, DayPeriod period) {
        long from = calendar.startOf(shopId, period.from()).toEpochMilli();
        long to = calendar.endOf(shopId, period.to()).toEpochMilli();
        Object[] paid = (Object[]) em.createNativeQuery(
                "SELECT COALESCE(SUM(goods_amount), 0), COUNT(DISTINCT buyer_id) FROM orders"
                        + " WHERE shop_id = ?1 AND paid_at >= ?2 AND paid_at < ?3")
                .setParameter(1, shopId).setParameter(2, from).setParameter(3, to)
                .getSingleResult();
        BigDecimal paidAmount = ((BigDecimal) paid[0]).setScale(2, RoundingMode.HALF_UP);
        long paidBuyers = ((Number) paid[1]).longValue();
        Map<String, Object> metrics = new LinkedHashMap<>();
        // paidAmount: goods amount of orders paid in the period, not net of refunds (rules.md, counting rules)
        metrics.put("paidAmount", paidAmount);
        // paidBuyers: distinct buyers who paid in the period, whatever the terminal
        metrics.put("paidBuyers", paidBuyers);
        return metrics;
    }
}
