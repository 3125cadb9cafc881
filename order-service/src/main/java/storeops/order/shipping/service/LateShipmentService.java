package storeops.order.shipping.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import storeops.common.problem.ProblemException;
import storeops.common.time.DayPeriod;
import storeops.common.time.ShopCalendar;
import storeops.order.domain.OrderStatus;
import storeops.order.service.DayFigures;
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
    /** The shipping deadline of {@code orders o}, in epoch ms; binds {@code :hours}, the default promise. */
    private static final String DEADLINE = "o.paid_at + COALESCE(o.shipping_promise_hours, :hours) * " + HOUR_MS;
    private static final String UNSHIPPED = "o.status = 'WAIT_SELLER_SEND_GOODS' AND o.shipped_at IS NULL"
            + " AND o.paid_at IS NOT NULL";
    private static final int CHUNK = 1000;

    private final EntityManager em;
    private final LateShipmentPolicy policy;
    private final LateShipmentConfig config;
    private final ShopCalendar calendar;
    private final DayFigures days;
    private final LateShipmentDayFigures figures;

    public LateShipmentService(EntityManager em, LateShipmentPolicy policy, LateShipmentConfig config,
            ShopCalendar calendar, DayFigures days, LateShipmentDayFigures figures) {
        this.em = em;
        this.policy = policy;
        this.config = config;
        this.calendar = calendar;
        this.days = days;
        this.figures = figures;
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
     * What the period owes, judged at {@code now}: the per-day figures of its liability days (every
     * deadline taken as passed), corrected for the open orders whose deadline has not passed at
     * {@code now} (only payment days with such an order are read again, so a past period reads
     * its figures alone).
     */
    public BigDecimal liability(String shopId, DayPeriod period, Instant now) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (BigDecimal amount : liabilityByDay(shopId, period, now).values()) {
            total = total.add(amount);
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    /** The same per liability day of the period (days owing nothing left out). */
    public Map<LocalDate, BigDecimal> liabilityByDay(String shopId, DayPeriod period, Instant now) {
        days.refresh(shopId);
        Map<LocalDate, BigDecimal> byDay = figures.read(shopId, period.from(), period.to());
        for (long payDay : figures.openPayDays(shopId, now)) {
            LocalDate day = LocalDate.ofEpochDay(payDay);
            for (ShipmentFacts facts : figures.unshippedPaidIn(shopId, calendar.startOf(shopId, day).toEpochMilli(),
                    calendar.endOf(shopId, day).toEpochMilli())) {
                if (!policy.open(facts) || now.isAfter(policy.deadline(facts))) {
                    continue;
                }
                // stored as owed on the deadline's day; now it owes nothing yet, or on a stock refund's day
                LateShipmentLiability assumed = policy.decide(shopId, facts, Instant.MAX);
                LateShipmentLiability actual = policy.decide(shopId, facts, now);
                add(byDay, period, assumed.day(), assumed.amount().negate());
                if (actual.owed()) {
                    add(byDay, period, actual.day(), actual.amount());
                }
            }
        }
        return byDay;
    }

    private static void add(Map<LocalDate, BigDecimal> byDay, DayPeriod period, LocalDate day, BigDecimal amount) {
        if (!day.isBefore(period.from()) && !day.isAfter(period.to())) {
            byDay.merge(day, amount, BigDecimal::add);
        }
    }

    /** Paid, unshipped orders whose deadline has passed or falls within the hours, soonest first. */
    public List<ShipmentFacts> atRisk(String shopId, Instant until, int page, int size) {
        List<?> rows = em.createNativeQuery("SELECT " + ORDER_COLUMNS + " FROM orders o"
                + " WHERE o.shop_id = :shop AND " + UNSHIPPED + " AND " + DEADLINE + " <= :until"
                + " ORDER BY " + DEADLINE + ", o.order_no")
                .setParameter("shop", shopId).setParameter("hours", config.defaultPromiseHours())
                .setParameter("until", until.toEpochMilli())
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        return withRefunds(shopId, rows);
    }

    /** The deadlines in {@code (after, until]} of paid, unshipped orders, of every shop, by shop. */
    public Map<String, List<Instant>> deadlinesPassed(Instant after, Instant until) {
        List<?> rows = em.createNativeQuery("SELECT o.shop_id, " + DEADLINE + " FROM orders o WHERE " + UNSHIPPED
                + " AND " + DEADLINE + " > :after AND " + DEADLINE + " <= :until")
                .setParameter("hours", config.defaultPromiseHours()).setParameter("after", after.toEpochMilli())
                .setParameter("until", until.toEpochMilli()).getResultList();
        Map<String, List<Instant>> byShop = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            byShop.computeIfAbsent((String) r[0], s -> new ArrayList<>())
                    .add(Instant.ofEpochMilli(((Number) r[1]).longValue()));
        }
        return byShop;
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
