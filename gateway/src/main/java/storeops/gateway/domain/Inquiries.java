package storeops.gateway.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import storeops.gateway.client.DeskApi.FirstChat;
import storeops.gateway.client.OrderApi.OrderSummary;

/**
 * Inquiries (询单) of a period, judged from the desk's first chats and the order service's orders of
 * those buyers (rules.md, counting rules): a (buyer, day) whose first message came before any
 * order that day; converted with an order after it the same day; finally paid with an order placed
 * after it and paid, both by the end of day D+2; the goods amount of those orders is credited to
 * the agent who received the buyer's first conversation of the day.
 */
public final class Inquiries {

    /** Days after the inquiry's own within which the order must be placed and paid (3-day window). */
    public static final int WINDOW_EXTRA_DAYS = 2;

    public record Tally(long inquiries, long converted, long finallyPaid, BigDecimal creditedSales) {
        static final Tally NONE = new Tally(0, 0, 0, BigDecimal.ZERO);

        Tally plus(Tally other) {
            return new Tally(inquiries + other.inquiries, converted + other.converted,
                    finallyPaid + other.finallyPaid, creditedSales.add(other.creditedSales));
        }

        public BigDecimal inquiryConversionRate() {
            return Ratio.of(converted, inquiries);
        }

        public BigDecimal inquiryFinalPaymentRate() {
            return Ratio.of(finallyPaid, inquiries);
        }

        public Map<String, BigDecimal> metrics() {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put("inquiryConversionRate", inquiryConversionRate());
            values.put("inquiryFinalPaymentRate", inquiryFinalPaymentRate());
            return values;
        }
    }

    private final Map<String, Tally> byAgent = new TreeMap<>();
    private final Map<LocalDate, Tally> byDay = new TreeMap<>();
    private Tally total = Tally.NONE;

    /**
     * @param endOfDay the first instant after a natural day of the shop
     * @param dayOf the shop's natural day of an instant
     */
    public static Inquiries of(List<FirstChat> firstChats, List<OrderSummary> orders,
            Function<LocalDate, Instant> endOfDay, BiFunction<String, Instant, LocalDate> dayOf) {
        Map<String, List<OrderSummary>> ordersByBuyer = new HashMap<>();
        for (OrderSummary o : orders) {
            ordersByBuyer.computeIfAbsent(o.buyerId(), b -> new ArrayList<>()).add(o);
        }
        Inquiries result = new Inquiries();
        Map<LocalDate, Instant> ends = new HashMap<>(); // a month's thousands of chats share its 30 days' ends
        for (FirstChat chat : firstChats) {
            List<OrderSummary> own = ordersByBuyer.getOrDefault(chat.buyerId(), List.of());
            LocalDate day = chat.day();
            if (own.isEmpty()) { // most who chat order nothing: an inquiry, neither converted nor paid
                result.add(chat, day, INQUIRY_WITHOUT_ORDERS);
                continue;
            }
            Instant message = chat.firstMessageAt();
            boolean orderedFirst = own.stream().anyMatch(o -> day.equals(dayOf.apply(chat.buyerId(), o.createdAt()))
                    && !o.createdAt().isAfter(message));
            if (orderedFirst) {
                continue; // in-sale service, not an inquiry
            }
            Instant endOfDayD = ends.computeIfAbsent(day, endOfDay);
            Instant windowEnd = ends.computeIfAbsent(day.plusDays(WINDOW_EXTRA_DAYS), endOfDay);
            boolean converted = own.stream()
                    .anyMatch(o -> o.createdAt().isAfter(message) && o.createdAt().isBefore(endOfDayD));
            List<OrderSummary> paidInWindow = own.stream()
                    .filter(o -> o.createdAt().isAfter(message) && o.createdAt().isBefore(windowEnd))
                    .filter(o -> o.paidAt() != null && o.paidAt().isBefore(windowEnd))
                    .toList();
            BigDecimal sales = paidInWindow.stream().map(OrderSummary::goodsAmount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            result.add(chat, day, new Tally(1, converted ? 1 : 0, paidInWindow.isEmpty() ? 0 : 1, sales));
        }
        return result;
    }

    private static final Tally INQUIRY_WITHOUT_ORDERS = new Tally(1, 0, 0, BigDecimal.ZERO);

    private void add(FirstChat chat, LocalDate day, Tally one) {
        total = total.plus(one);
        byAgent.merge(chat.agentId() == null ? "" : chat.agentId(), one, Tally::plus);
        byDay.merge(day, one, Tally::plus);
    }

    public static Tally sum(Iterable<Tally> tallies) {
        Tally total = Tally.NONE;
        for (Tally t : tallies) {
            total = total.plus(t);
        }
        return total;
    }

    public Tally total() {
        return total;
    }

    public Map<String, Tally> byAgent() {
        return byAgent;
    }

    public Tally onDay(LocalDate day) {
        return byDay.getOrDefault(day, Tally.NONE);
    }
}
