package storeops.order.refund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import storeops.common.time.DayPeriod;
import storeops.common.time.ShopCalendar;
import storeops.order.service.OrderMetricSource;

/** The refund keys of metrics.csv: in-sale applications of the period, whatever became of them. */
@ApplicationScoped
public class RefundMetricSource implements OrderMetricSource {

    private final EntityManager em;
    private final ShopCalendar calendar;

    public RefundMetricSource(EntityManager em, ShopCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    @Override
    public Map<String, Object> metrics(String shopId, DayPeriod period) {
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT COALESCE(SUM(r.amount), 0), COUNT(DISTINCT o.buyer_id) FROM refunds r"
                        + " JOIN orders o ON o.shop_id = r.shop_id AND o.order_no = r.order_no"
                        + " WHERE r.shop_id = :shop AND r.phase = 'IN_SALE'"
                        + " AND r.applied_at >= :from AND r.applied_at < :to")
                .setParameter("shop", shopId)
                .setParameter("from", calendar.startOf(shopId, period.from()).toEpochMilli())
                .setParameter("to", calendar.endOf(shopId, period.to()).toEpochMilli())
                .getSingleResult();
        Map<String, Object> metrics = new LinkedHashMap<>();
        // inSaleRefundRequestedAmount: amounts of IN_SALE refunds applied for in the period, any status
        metrics.put("inSaleRefundRequestedAmount", ((BigDecimal) row[0]).setScale(2, RoundingMode.HALF_UP));
        // inSaleRefundRequestBuyers: distinct buyers (of the refunded orders) among those applications
        metrics.put("inSaleRefundRequestBuyers", ((Number) row[1]).longValue());
        return metrics;
    }
}
