package storeops.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import storeops.common.time.DayPeriod;
import storeops.common.time.ShopCalendar;
import storeops.order.domain.Terminal;

/**
 * What the gateway needs to join orders with chats and visits without pulling every order: buyer
 * sets and the orders of given buyers. Also the payment reminders (催付) list.
 */
@ApplicationScoped
public class OrderJoinService {

    public record BuyerSets(List<String> orderBuyers, List<String> paidBuyers, List<String> orderedAndPaidBuyers) {
    }

    public record OrderBrief(String orderNo, String buyerId, Terminal terminal, Instant createdAt, Instant paidAt,
            BigDecimal goodsAmount) {
    }

    public record Reminder(String orderNo, String buyerId, Terminal terminal, Instant createdAt, Instant closesAt,
            BigDecimal goodsAmount) {
    }

    /** The IN list of one query: keeps statements well under the server's packet limits. */
    private static final int IN_CHUNK = 1_000;

    private final EntityManager em;
    private final ShopCalendar calendar;
    private final Clock clock;

    public OrderJoinService(EntityManager em, ShopCalendar calendar, Clock clock) {
        this.em = em;
        this.calendar = calendar;
        this.clock = clock;
    }

    public BuyerSets buyerSets(String shopId, DayPeriod period) {
        long from = calendar.startOf(shopId, period.from()).toEpochMilli();
        long to = calendar.endOf(shopId, period.to()).toEpochMilli();
        return new BuyerSets(
                buyers("o.created_at >= ?2 AND o.created_at < ?3", shopId, from, to),
                buyers("o.paid_at >= ?2 AND o.paid_at < ?3", shopId, from, to),
                buyers("o.created_at >= ?2 AND o.created_at < ?3 AND o.paid_at >= ?2 AND o.paid_at < ?3", shopId, from,
                        to));
    }

    @SuppressWarnings("unchecked")
    private List<String> buyers(String where, String shopId, long from, long to) {
        return em.createNativeQuery("SELECT DISTINCT o.buyer_id FROM orders o WHERE o.shop_id = ?1 AND " + where
                + " ORDER BY o.buyer_id").setParameter(1, shopId).setParameter(2, from).setParameter(3, to)
                .getResultList();
    }

    /** The orders of these buyers placed in the period, paid or not. */
    public List<OrderBrief> buyerOrders(String shopId, DayPeriod period, Collection<String> buyerIds) {
        Instant from = calendar.startOf(shopId, period.from());
        Instant to = calendar.endOf(shopId, period.to());
        List<String> ids = buyerIds.stream().distinct().toList();
        List<OrderBrief> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            found.addAll(em.createQuery("select new storeops.order.service.OrderJoinService$OrderBrief(o.orderNo,"
                    + " o.buyerId, o.terminal, o.createdAt, o.paidAt, o.goodsAmount) from Order o where o.shopId = :shop"
                    + " and o.createdAt >= :from and o.createdAt < :to and o.buyerId in :ids"
                    + " order by o.createdAt, o.orderNo", OrderBrief.class)
                    .setParameter("shop", shopId).setParameter("from", from).setParameter("to", to)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + IN_CHUNK))).getResultList());
        }
        found.sort(java.util.Comparator.comparing(OrderBrief::createdAt).thenComparing(OrderBrief::orderNo));
        return found;
    }

    /** The orders paid in the period (channel attribution). */
    public List<OrderBrief> paid(String shopId, DayPeriod period) {
        return em.createQuery("select new storeops.order.service.OrderJoinService$OrderBrief(o.orderNo, o.buyerId,"
                + " o.terminal, o.createdAt, o.paidAt, o.goodsAmount) from Order o where o.shopId = :shop"
                + " and o.paidAt >= :from and o.paidAt < :to order by o.paidAt, o.orderNo", OrderBrief.class)
                .setParameter("shop", shopId).setParameter("from", calendar.startOf(shopId, period.from()))
                .setParameter("to", calendar.endOf(shopId, period.to())).getResultList();
    }

    /** Unpaid orders that close within the given time from now (not those already past due: the job closes them). */
    public List<Reminder> paymentReminders(String shopId, Duration within) {
        Instant now = clock.instant();
        return em.createQuery("select new storeops.order.service.OrderJoinService$Reminder(o.orderNo, o.buyerId,"
                + " o.terminal, o.createdAt, o.payDeadline, o.goodsAmount) from Order o where o.shopId = :shop"
                + " and o.status = storeops.order.domain.OrderStatus.WAIT_BUYER_PAY and o.payDeadline > :now"
                + " and o.payDeadline <= :until order by o.payDeadline, o.orderNo", Reminder.class)
                .setParameter("shop", shopId).setParameter("now", now).setParameter("until", now.plus(within))
                .getResultList();
    }
}
