package storeops.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import storeops.common.time.DayPeriod;
import storeops.common.time.ShopCalendar;
import storeops.order.domain.Terminal;
import storeops.order.repository.DayFiguresStore.Row;
import storeops.order.repository.OrderBriefStore;
import storeops.order.repository.OrderBriefStore.Brief;
import storeops.order.repository.OrderKeyStore;
import storeops.order.repository.OrderKeyStore.Kind;

/**
 * What the gateway needs to join orders with chats and visits without pulling every order: buyer
 * sets and the orders of given buyers. Also the payment reminders (催付) list.
 */
@ApplicationScoped
public class OrderJoinService {

    /**
     * The funnel's buyers, each id once: {@code orderBuyers} placed an order in the period, those
     * who also paid in it first ({@code paidOrderBuyerCount} of them); {@code paidNotOrderedBuyers}
     * paid in it without placing an order in it (placed before it). The two lists are everyone who
     * ordered or paid, and the paying buyers are the first of one plus all of the other, so no id
     * travels twice: the paying and the ordered-and-paid buyers as lists of their own tripled the
     * ids a month's answer carried, for a reader that needs only how many there are.
     *
     * @param orderedAndPaidBuyerCount distinct buyers with an order both placed and paid in the period
     */
    public record BuyerSets(List<String> orderBuyers, int paidOrderBuyerCount, List<String> paidNotOrderedBuyers,
            long orderedAndPaidBuyerCount) {
    }

    public record Reminder(String orderNo, String buyerId, Terminal terminal, Instant createdAt, Instant closesAt,
            BigDecimal goodsAmount) {
    }

    private final EntityManager em;
    private final ShopCalendar calendar;
    private final Clock clock;
    private final DayFigures days;
    private final OrderKeyStore keys;
    private final OrderBriefStore briefs;
    private final JoinAnswers answers;

    public OrderJoinService(EntityManager em, ShopCalendar calendar, Clock clock, DayFigures days, OrderKeyStore keys,
            OrderBriefStore briefs, JoinAnswers answers) {
        this.em = em;
        this.calendar = calendar;
        this.clock = clock;
        this.days = days;
        this.keys = keys;
        this.briefs = briefs;
        this.answers = answers;
    }

    /**
     * A join's answer as its endpoint writes it. The bytes are what is kept while the shop's data
     * version stands still (JoinAnswers): writing a month's 100,000 buyer ids and 48,000 paid orders
     * again for every read was about a third of the service's CPU in a composed overview.
     */
    public interface AnswerWriter<T> {
        byte[] write(T answer) throws IOException;
    }

    public byte[] buyerSetsAnswer(String shopId, DayPeriod period, AnswerWriter<BuyerSets> writer) {
        return answers.of("buyer-sets", shopId, period, () -> written(writer, buyerSets(shopId, period)));
    }

    public byte[] paidAnswer(String shopId, DayPeriod period, AnswerWriter<List<Brief>> writer) {
        return answers.of("paid", shopId, period, () -> written(writer, paid(shopId, period)));
    }

    private static <T> byte[] written(AnswerWriter<T> writer, T answer) {
        try {
            return writer.write(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * From the per-day figures: the union of the days' all-terminal buyer sets (placed, paid, and
     * placed-and-paid with both days in the period), the ids named from their keys, instead of a
     * distinct scan of the period's orders per set.
     */
    private BuyerSets buyerSets(String shopId, DayPeriod period) {
        days.refresh(shopId);
        RoaringBitmap ordered = new RoaringBitmap();
        RoaringBitmap paid = new RoaringBitmap();
        RoaringBitmap orderedAndPaid = new RoaringBitmap();
        for (Row row : days.allTerminalBuyers(shopId, period.from(), period.to())) {
            RoaringBitmap buyers = row.figures().buyers();
            switch (row.basis()) {
                case PLACED -> ordered.or(buyers);
                case PAID -> paid.or(buyers);
                case PLACED_PAID -> {
                    if (!row.paidDay().isBefore(period.from()) && !row.paidDay().isAfter(period.to())) {
                        orderedAndPaid.or(buyers);
                    }
                }
                default -> {
                }
            }
        }
        List<List<String>> ids = keys.ids(Kind.BUYER, shopId, List.of(RoaringBitmap.and(ordered, paid),
                RoaringBitmap.andNot(ordered, paid), RoaringBitmap.andNot(paid, ordered)));
        List<String> orderBuyers = new ArrayList<>(ids.get(0).size() + ids.get(1).size());
        orderBuyers.addAll(ids.get(0));
        orderBuyers.addAll(ids.get(1));
        return new BuyerSets(orderBuyers, ids.get(0).size(), ids.get(2), orderedAndPaid.getLongCardinality());
    }

    /** The orders of these buyers placed in the period, paid or not, by creation time then order number. */
    public List<Brief> buyerOrders(String shopId, DayPeriod period, Collection<String> buyerIds) {
        try {
            return briefs.placedBy(shopId, calendar.startOf(shopId, period.from()).toEpochMilli(),
                    calendar.endOf(shopId, period.to()).toEpochMilli(), buyerIds.stream().distinct().toList());
        } catch (SQLException e) {
            throw new IllegalStateException("Orders of buyers could not be read: " + e.getMessage(), e);
        }
    }

    /** The orders paid in the period (channel attribution), by payment time. */
    private List<Brief> paid(String shopId, DayPeriod period) {
        List<Brief> paid = new ArrayList<>();
        try {
            briefs.paid(shopId, calendar.startOf(shopId, period.from()).toEpochMilli(),
                    calendar.endOf(shopId, period.to()).toEpochMilli(), paid::add);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Paid orders could not be read: " + e.getMessage(), e);
        }
        return paid;
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
