package storeops.order.shipping.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import storeops.common.problem.ProblemException;
import storeops.common.time.DayPeriod;
import storeops.common.time.ShopCalendar;
import storeops.order.domain.OrderStatus;
import storeops.order.shipping.config.LateShipmentConfig;
import storeops.order.shipping.domain.LateShipmentLiability;
import storeops.order.shipping.domain.ShipmentFacts;
import storeops.order.shipping.domain.ShipmentFacts.RefundFact;

/** Reads orders and refunds for the late-shipment rule: one order, a period's total, and the orders at risk. */
@ApplicationScoped
public class LateShipmentService {

    private static final String ORDER_COLUMNS = "o.order_no, o.buyer_id, o.status, o.paid_at, o.shipped_at,"
            + " o.closed_at, o.goods_amount, o.shipping_promise_hours";
    private static final long HOUR_MS = 3_600_000L;
    private static final int CHUNK = 1000;

    private final EntityManager em;
    private final LateShipmentPolicy policy;
    private final LateShipmentConfig config;
    private final ShopCalendar calendar;

    public LateShipmentService(EntityManager em, LateShipmentPolicy policy, LateShipmentConfig config,
            ShopCalendar calendar) {
        this.em = em;
        this.policy = policy;
        this.config = config;
        this.calendar = calendar;
    }

    public LateShipmentLiability ofOrder(String shopId, String orderNo, Instant now) {
        List<?> rows = em.createNativeQuery("SELECT " + ORDER_COLUMNS + " FROM orders o"
                + " WHERE o.shop_id = :shop AND o.order_no = :order")
                .setParameter("shop", shopId).setParameter("order", orderNo).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("No order " + orderNo + " in shop " + shopId);
        }
        return policy.decide(shopId, withRefunds(shopId, rows).get(0), now);
    }

    /**
     * Orders whose liability may belong to the period: a deadline in it, or a stock refund applied in it. Orders
     * without any refund can only owe for shipping late, on their deadline's day (inside the period by the range),
     * so the database sums them; only orders with refunds are read and judged one by one by the policy.
     */
    public BigDecimal liability(String shopId, DayPeriod period, Instant now) {
        long from = calendar.startOf(shopId, period.from()).toEpochMilli();
        long to = calendar.endOf(shopId, period.to()).toEpochMilli();
        long lookback = Math.max(config.lookbackHours(), config.defaultPromiseHours()) * HOUR_MS;
        String deadline = "(o.paid_at + COALESCE(o.shipping_promise_hours, :hours) * " + HOUR_MS + ")";
        String deadlineInPeriod = " WHERE o.shop_id = :shop AND o.paid_at >= :earliest AND o.paid_at < :to"
                + " AND " + deadline + " >= :from AND " + deadline + " < :to";
        String refunded = "EXISTS (SELECT 1 FROM refunds f WHERE f.shop_id = o.shop_id AND f.order_no = o.order_no)";
        // the policy's rule without refunds: late unless closed before the deadline; shipped after it, or
        // unshipped now that it has passed; min(rate x goods amount, cap) rounded half up, as the policy does
        Object unrefunded = em.createNativeQuery("SELECT SUM(ROUND(LEAST(o.goods_amount * :rate, :cap), 2))"
                + " FROM orders o" + deadlineInPeriod + " AND NOT " + refunded
                + " AND NOT (o.closed_at IS NOT NULL AND o.status IN ('TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO')"
                + "   AND o.closed_at < " + deadline + ")"
                + " AND ((o.shipped_at IS NOT NULL AND o.shipped_at > " + deadline + ")"
                + "   OR (o.shipped_at IS NULL AND :now > " + deadline + "))")
                .setParameter("shop", shopId).setParameter("earliest", from - lookback)
                .setParameter("from", from).setParameter("to", to)
                .setParameter("hours", config.defaultPromiseHours())
                .setParameter("rate", config.rate()).setParameter("cap", config.cap())
                .setParameter("now", now.toEpochMilli()).getSingleResult();
        BigDecimal total = unrefunded == null ? BigDecimal.ZERO.setScale(2)
                : new BigDecimal(unrefunded.toString()).setScale(2, RoundingMode.HALF_UP);
        List<?> rows = em.createNativeQuery("SELECT " + ORDER_COLUMNS + " FROM orders o" + deadlineInPeriod
                + " AND " + refunded
                + " UNION SELECT " + ORDER_COLUMNS + " FROM orders o JOIN refunds r"
                + "   ON r.shop_id = o.shop_id AND r.order_no = o.order_no"
                + " WHERE o.shop_id = :shop AND r.reason_code IN ('OUT_OF_STOCK', 'NOT_SHIPPED_IN_TIME')"
                + " AND r.applied_at >= :from AND r.applied_at < :to")
                .setParameter("shop", shopId).setParameter("earliest", from - lookback)
                .setParameter("from", from).setParameter("to", to)
                .setParameter("hours", config.defaultPromiseHours()).getResultList();
        for (ShipmentFacts facts : withRefunds(shopId, rows)) {
            LateShipmentLiability owed = policy.decide(shopId, facts, now);
            if (owed.owed() && !owed.day().isBefore(period.from()) && !owed.day().isAfter(period.to())) {
                total = total.add(owed.amount());
            }
        }
        return total;
    }

    /** Paid, unshipped orders whose deadline has passed or falls within the hours, soonest first. */
    public List<ShipmentFacts> atRisk(String shopId, Instant until, int page, int size) {
        List<?> rows = em.createNativeQuery("SELECT " + ORDER_COLUMNS + " FROM orders o"
                + " WHERE o.shop_id = :shop AND o.status = 'WAIT_SELLER_SEND_GOODS' AND o.shipped_at IS NULL"
                + " AND o.paid_at IS NOT NULL"
                + " AND o.paid_at + COALESCE(o.shipping_promise_hours, :hours) * " + HOUR_MS + " <= :until"
                + " ORDER BY o.paid_at + COALESCE(o.shipping_promise_hours, :hours) * " + HOUR_MS + ", o.order_no")
                .setParameter("shop", shopId).setParameter("hours", config.defaultPromiseHours())
                .setParameter("until", until.toEpochMilli())
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        return withRefunds(shopId, rows);
    }

    public Instant deadline(ShipmentFacts facts) {
        return facts.paidAt().plus(Duration.ofHours(policy.promiseHours(facts.promiseHours())));
    }

    private List<ShipmentFacts> withRefunds(String shopId, List<?> rows) {
        List<String> orderNos = rows.stream().map(r -> (String) ((Object[]) r)[0]).toList();
        Map<String, List<RefundFact>> refunds = new HashMap<>();
        for (int i = 0; i < orderNos.size(); i += CHUNK) {
            List<?> found = em.createNativeQuery("SELECT order_no, reason_code, applied_at, status, succeeded_at, amount"
                    + " FROM refunds WHERE shop_id = :shop AND order_no IN (:orders)")
                    .setParameter("shop", shopId)
                    .setParameter("orders", orderNos.subList(i, Math.min(orderNos.size(), i + CHUNK)))
                    .getResultList();
            for (Object f : found) {
                Object[] r = (Object[]) f;
                refunds.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new RefundFact((String) r[1],
                        instant(r[2]), "SUCCESS".equals(r[3]), instant(r[4]), (BigDecimal) r[5]));
            }
        }
        Map<String, ShipmentFacts> facts = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] o = (Object[]) row;
            facts.putIfAbsent((String) o[0], new ShipmentFacts((String) o[0], (String) o[1],
                    OrderStatus.valueOf((String) o[2]), instant(o[3]), instant(o[4]), instant(o[5]),
                    (BigDecimal) o[6], o[7] == null ? null : ((Number) o[7]).intValue(),
                    refunds.getOrDefault((String) o[0], List.of())));
        }
        return List.copyOf(facts.values());
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}
