package storeops.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import storeops.common.problem.IllegalTransitionException;

/** Every business event against every status: the allowed ones change the order, all others are 409s. */
class OrderTransitionsTest {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final TradeWindows WINDOWS = new TradeWindows(Duration.ofHours(24), Duration.ofDays(10));

    /** An order of each kind in the given status, as if it had got there through the lifecycle. */
    static Order order(OrderStatus status, boolean presale, boolean cod) {
        Order o = Order.place("s", "N1", new OrderSnapshot("b1", Terminal.PC, OrderStatus.WAIT_BUYER_PAY, T0, null, null,
                null, null, null, presale, cod, false, BigDecimal.ZERO, null, null, null, null, null, T0,
                List.of(new OrderSnapshot.Line(1, "P1", null, 1, BigDecimal.TEN, BigDecimal.TEN),
                        new OrderSnapshot.Line(2, "P2", null, 1, BigDecimal.TEN, BigDecimal.TEN))),
                WINDOWS, Actor.ERP_SYNC);
        o.status = status;
        o.paidAt = status == OrderStatus.WAIT_BUYER_PAY || status == OrderStatus.PAID_FORBID_CONSIGN || cod ? null : T0;
        if (status == OrderStatus.WAIT_BUYER_CONFIRM_GOODS || status == OrderStatus.TRADE_BUYER_SIGNED
                || status == OrderStatus.TRADE_FINISHED) {
            o.shippedAt = T0;
            o.receiptDeadline = T0.plus(Duration.ofDays(10));
            o.lines.forEach(l -> l.shippedAt = T0);
        }
        if (status == OrderStatus.SELLER_CONSIGNED_PART) {
            o.lines.get(0).shippedAt = T0;
        }
        return o;
    }

    static Map<String, Consumer<Order>> events() {
        Instant at = T0.plus(Duration.ofDays(9));
        Map<String, Consumer<Order>> events = new LinkedHashMap<>();
        events.put("pay-deposit", o -> o.payDeposit(at, Actor.BUYER));
        events.put("pay", o -> o.pay(at, Actor.BUYER));
        events.put("confirm-cod", o -> o.confirmCod(at, Actor.SELLER));
        events.put("close", o -> o.close(at, Actor.SELLER, "r"));
        events.put("cancel", o -> o.cancel(at, Actor.BUYER, "r"));
        events.put("pay-timeout", o -> o.closeOnPayTimeout(T0.plus(Duration.ofDays(30))));
        events.put("close-by-full-refund", o -> o.closeByFullRefund(at, Actor.PLATFORM, "refund"));
        events.put("ship", o -> o.ship(at, Actor.SELLER, WINDOWS));
        events.put("ship-part", o -> o.shipPart(List.of(2), at, Actor.SELLER, WINDOWS));
        events.put("confirm", o -> o.confirmReceipt(at, Actor.BUYER));
        events.put("receipt-timeout", o -> o.completeOnReceiptTimeout(T0.plus(Duration.ofDays(30))));
        events.put("extend-receipt", o -> o.extendReceipt(Actor.SELLER, 5, at));
        events.put("sign", o -> o.signForCod(at, Actor.BUYER));
        events.put("change-address", o -> o.changeAddress("b1", "n", "13800000000", "a", at));
        return events;
    }

    /** (kind, status) -> the events it allows; a kind is plain, presale or cod. */
    static Set<String> allowed(String kind, OrderStatus status) {
        return switch (status) {
            case WAIT_BUYER_PAY -> switch (kind) {
                case "presale" -> Set.of("pay-deposit", "close", "cancel", "pay-timeout", "change-address");
                case "cod" -> Set.of("confirm-cod", "close", "cancel", "pay-timeout", "change-address");
                default -> Set.of("pay", "close", "cancel", "pay-timeout", "change-address");
            };
            case PAID_FORBID_CONSIGN -> Set.of("pay", "close-by-full-refund", "change-address");
            case WAIT_SELLER_SEND_GOODS -> Set.of("close-by-full-refund", "ship", "ship-part", "change-address");
            case SELLER_CONSIGNED_PART -> Set.of("ship", "ship-part");
            case WAIT_BUYER_CONFIRM_GOODS -> kind.equals("cod") ? Set.of("sign", "extend-receipt")
                    : Set.of("confirm", "receipt-timeout", "extend-receipt");
            case TRADE_BUYER_SIGNED -> kind.equals("cod") ? Set.of("confirm") : Set.of();
            case TRADE_FINISHED, TRADE_CLOSED, TRADE_CLOSED_BY_TAOBAO -> Set.of();
        };
    }

    @Test
    void eachEventIsRefusedWithA409InEveryStateItDoesNotAllow() {
        List<String> wrong = new ArrayList<>();
        int refusals = 0;
        for (String kind : List.of("plain", "presale", "cod")) {
            for (OrderStatus status : OrderStatus.values()) {
                if (status == OrderStatus.PAID_FORBID_CONSIGN && !kind.equals("presale")
                        || status == OrderStatus.TRADE_BUYER_SIGNED && !kind.equals("cod")) {
                    continue;
                }
                for (var event : events().entrySet()) {
                    Order o = order(status, kind.equals("presale"), kind.equals("cod"));
                    int historyBefore = o.history.size();
                    boolean expected = allowed(kind, status).contains(event.getKey());
                    try {
                        event.getValue().accept(o);
                        if (!expected) {
                            wrong.add(kind + " " + status + " allowed " + event.getKey());
                        } else if (o.history.size() != historyBefore + 1) {
                            wrong.add(kind + " " + status + " " + event.getKey() + " wrote no history row");
                        }
                    } catch (IllegalTransitionException e) {
                        refusals++;
                        if (expected) {
                            wrong.add(kind + " " + status + " refused " + event.getKey());
                        }
                        assertEquals(status, o.status, "a refusal changes nothing");
                        assertEquals(historyBefore, o.history.size());
                        assertTrue(e.getMessage().contains(status.name()) && e.getMessage().contains(event.getKey()),
                                "the problem names the state and the event: " + e.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(refusals > 100, "refusals walked: " + refusals);
    }

    @Test
    void eventsLeadToTheirStatusAndRecordWhoAndWhen() {
        Order o = order(OrderStatus.WAIT_BUYER_PAY, true, false);
        Instant deposit = T0.plusSeconds(60);
        Instant balance = T0.plusSeconds(3600);
        o.payDeposit(deposit, Actor.BUYER);
        assertEquals(OrderStatus.PAID_FORBID_CONSIGN, o.status);
        assertEquals(null, o.paidAt, "a deposit is not a payment");
        o.pay(balance, Actor.BUYER);
        assertEquals(OrderStatus.WAIT_SELLER_SEND_GOODS, o.status);
        assertEquals(balance, o.paidAt, "a presale is paid when its balance is");
        o.shipPart(List.of(1), balance.plusSeconds(10), Actor.SELLER, WINDOWS);
        assertEquals(OrderStatus.SELLER_CONSIGNED_PART, o.status);
        assertEquals(null, o.shippedAt);
        Instant last = balance.plusSeconds(20);
        o.shipPart(List.of(2), last, Actor.SELLER, WINDOWS);
        assertEquals(OrderStatus.WAIT_BUYER_CONFIRM_GOODS, o.status);
        assertEquals(last, o.shippedAt, "shipped when the last line left");
        assertEquals(last.plus(Duration.ofDays(10)), o.receiptDeadline);
        OrderStatusChange change = o.history.get(o.history.size() - 1);
        assertEquals(OrderStatus.SELLER_CONSIGNED_PART, change.fromStatus);
        assertEquals(Actor.SELLER, change.actor);
        assertEquals(last, change.at);
    }

    @Test
    void codIsPaidWhenSigned() {
        Order o = order(OrderStatus.WAIT_BUYER_PAY, false, true);
        assertThrows(IllegalTransitionException.class, () -> o.pay(T0, Actor.BUYER));
        o.confirmCod(T0.plusSeconds(1), Actor.SELLER);
        o.ship(T0.plusSeconds(2), Actor.SELLER, WINDOWS);
        assertEquals(null, o.paidAt);
        Instant signed = T0.plusSeconds(86_400);
        o.signForCod(signed, Actor.BUYER);
        assertEquals(OrderStatus.TRADE_BUYER_SIGNED, o.status);
        assertEquals(signed, o.paidAt);
    }

    @Test
    void receiptExtensionsFollowThePlatformsRules() {
        Order o = order(OrderStatus.WAIT_BUYER_CONFIRM_GOODS, false, false);
        Instant deadline = o.receiptDeadline;
        // the buyer may extend only when at most 3 days remain
        assertThrows(IllegalTransitionException.class,
                () -> o.extendReceipt(Actor.BUYER, 3, deadline.minus(Duration.ofDays(4))));
        o.extendReceipt(Actor.BUYER, 3, deadline.minus(Duration.ofDays(2)));
        assertEquals(deadline.plus(Duration.ofDays(3)), o.receiptDeadline);
        // ...and only once
        assertThrows(IllegalTransitionException.class,
                () -> o.extendReceipt(Actor.BUYER, 3, deadline.minus(Duration.ofDays(1))));
        // the seller by 3, 5, 7 or 10 days, as often as needed
        assertThrows(storeops.common.problem.ProblemException.class, () -> o.extendReceipt(Actor.SELLER, 4, T0));
        o.extendReceipt(Actor.SELLER, 10, T0.plusSeconds(1));
        assertEquals(deadline.plus(Duration.ofDays(13)), o.receiptDeadline);
        assertEquals(13, o.receiptExtensionDays);
        // completion waits for the extended deadline
        assertThrows(IllegalTransitionException.class, () -> o.completeOnReceiptTimeout(deadline.plus(Duration.ofDays(12))));
        o.completeOnReceiptTimeout(deadline.plus(Duration.ofDays(20)));
        assertEquals(deadline.plus(Duration.ofDays(13)), o.finishedAt, "completes at its deadline, even when caught up later");
    }

    @Test
    void anErpUpdateMayJumpForwardButNeverBack() {
        Set<OrderStatus> fromPaid = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            if (OrderStatus.WAIT_SELLER_SEND_GOODS.canReach(s)) {
                fromPaid.add(s);
            }
        }
        assertEquals(EnumSet.of(OrderStatus.WAIT_SELLER_SEND_GOODS, OrderStatus.SELLER_CONSIGNED_PART,
                OrderStatus.WAIT_BUYER_CONFIRM_GOODS, OrderStatus.TRADE_FINISHED, OrderStatus.TRADE_BUYER_SIGNED,
                OrderStatus.TRADE_CLOSED), fromPaid);
        assertTrue(OrderStatus.WAIT_BUYER_PAY.canReach(OrderStatus.TRADE_FINISHED));
        assertFalse(OrderStatus.WAIT_BUYER_CONFIRM_GOODS.canReach(OrderStatus.WAIT_BUYER_PAY));
        assertFalse(OrderStatus.TRADE_CLOSED_BY_TAOBAO.canReach(OrderStatus.WAIT_SELLER_SEND_GOODS));
        assertFalse(OrderStatus.TRADE_FINISHED.canReach(OrderStatus.TRADE_CLOSED));
    }
}
