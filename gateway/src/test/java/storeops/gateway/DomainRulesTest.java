package storeops.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import storeops.gateway.client.DeskApi.ConsultedBuyers;
import storeops.gateway.client.DeskApi.FirstChat;
import storeops.gateway.client.OrderApi.BuyerSets;
import storeops.gateway.client.OrderApi.OrderSummary;
import storeops.gateway.client.OrderApi.PaidOrders;
import storeops.gateway.client.TrafficApi.ChannelTraffic;
import storeops.gateway.client.TrafficApi.People;
import storeops.gateway.domain.ChannelAttribution;
import storeops.gateway.domain.Funnel;
import storeops.gateway.domain.Inquiries;
import storeops.gateway.domain.Ratio;

/** The gateway's own rules on small inputs, without services: the edges the data-set tests do not reach. */
class DomainRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aRatioOverZeroIsNullAndKeepsSixDecimals() {
        assertNull(Ratio.of(3, 0));
        assertEquals(new BigDecimal("0.333333"), Ratio.of(1, 3));
        assertEquals(new BigDecimal("2"), Ratio.of(4, 2));
        assertEquals(new BigDecimal("1.5"), Ratio.of(3, 2));
    }

    @Test
    void theFunnelLeavesOutWhatAMissingServiceWouldDecide() {
        BuyerSets orders = new BuyerSets(List.of("a", "b"), 1, List.of(), 1);
        Funnel noDesk = Funnel.of(orders, null, null);
        assertEquals(List.of("orderPaymentRate"), noDesk.layers().stream().map(Funnel.Layer::key).toList());
        assertNull(noDesk.people());
        Funnel noTraffic = Funnel.of(orders, new ConsultedBuyers(List.of("a", "c")), null);
        assertEquals(List.of("consultedConversionRate", "orderPaymentRate"),
                noTraffic.layers().stream().map(Funnel.Layer::key).toList());
        assertEquals(List.of("effectiveEntryRate", "consultationRate", "silentConversionRate", "dealConversionRate"),
                noTraffic.missing());
        assertEquals(Funnel.LAYER_KEYS, Funnel.of(null, null, null).missing());
    }

    @Test
    void everyPayingBuyerIsOneOfTheFunnelsPeople() {
        // traffic saw 3 people, among them "a"; "b" ordered and "c" chatted without a visit event
        BuyerSets orders = new BuyerSets(List.of("a", "b"), 2, List.of(), 2);
        ConsultedBuyers desk = new ConsultedBuyers(List.of("c"));
        // asked a, b, c: b and c are not visitors, and none of them an effective one
        Funnel f = Funnel.of(orders, desk, new People(3, 1, List.of("b", "c"), List.of("a", "b", "c")));
        assertEquals(5L, f.people());
        // effective: traffic's 1 (not one of ours) + a b c acting
        assertEquals(4, f.layers().get(0).numerator());
        assertEquals(new BigDecimal("0.4"), f.metrics().get("dealConversionRate"));
    }

    @Test
    void theConsultedWhoPaidAreTheLeadingOrderBuyersAndThoseWhoPaidWithoutAnOrder() {
        // a paid its order of the period; b and c ordered without paying; d paid an order placed before
        BuyerSets orders = new BuyerSets(List.of("a", "b", "c"), 1, List.of("d"), 1);
        Funnel f = Funnel.of(orders, new ConsultedBuyers(List.of("b", "d", "e")), null);
        assertEquals(2, f.paidBuyers());
        Funnel.Layer consulted = f.layers().stream().filter(l -> l.key().equals("consultedConversionRate"))
                .findFirst().orElseThrow();
        assertEquals(1, consulted.numerator()); // d: b chatted and ordered but did not pay
        assertEquals(3, consulted.denominator());
        Funnel.Layer orderPayment = f.layers().stream().filter(l -> l.key().equals("orderPaymentRate"))
                .findFirst().orElseThrow();
        assertEquals(1, orderPayment.numerator());
        assertEquals(3, orderPayment.denominator());
    }

    @Test
    void trafficIsAskedAboutEveryoneWhoChattedOrderedOrPaidOnce() {
        // "d" paid for an order placed before the period; "a" chatted and ordered
        BuyerSets orders = new BuyerSets(List.of("a", "b"), 1, List.of("d"), 1);
        List<String> asked = Funnel.askTraffic(orders, new ConsultedBuyers(List.of("a", "c")));
        assertEquals(Set.of("a", "b", "c", "d"), Set.copyOf(asked));
        assertEquals(4, asked.size());
    }

    @Test
    void anInquiryNeedsTheFirstMessageBeforeAnyOrderOfThatDay() {
        Instant message = Instant.parse("2026-03-10T01:30:00Z"); // 09:30 in Shanghai
        FirstChat chat = new FirstChat("b", LocalDate.parse("2026-03-10"), message, "a1");
        OrderSummary sameInstant = order("b", "2026-03-10T01:30:00Z", "2026-03-10T01:31:00Z", "10.00");
        assertEquals(0, inquiries(List.of(chat), List.of(sameInstant)).total().inquiries());
        // an order of the previous evening (Shanghai) does not make it in-sale service
        OrderSummary dayBefore = order("b", "2026-03-09T15:59:00Z", null, "10.00");
        assertEquals(1, inquiries(List.of(chat), List.of(dayBefore)).total().inquiries());
    }

    @Test
    void finalPaymentEndsWithTheThirdNaturalDay() {
        Instant message = Instant.parse("2026-03-10T01:30:00Z");
        FirstChat chat = new FirstChat("b", LocalDate.parse("2026-03-10"), message, "a1");
        // placed 03-12 23:59 and paid 03-12 23:59:59 (Shanghai): inside; paid 03-13 00:00: outside
        OrderSummary inside = order("b", "2026-03-12T15:59:00Z", "2026-03-12T15:59:59Z", "30.00");
        OrderSummary paidLate = order("b", "2026-03-12T15:59:00Z", "2026-03-12T16:00:00Z", "40.00");
        Inquiries.Tally in = inquiries(List.of(chat), List.of(inside)).total();
        assertEquals(1, in.finallyPaid());
        assertEquals(0, in.converted());
        assertEquals(new BigDecimal("30.00"), in.creditedSales());
        assertEquals(0, inquiries(List.of(chat), List.of(paidLate)).total().finallyPaid());
    }

    @Test
    void channelGradesFollowTheRoiThresholds() {
        List<ChannelTraffic> spend = List.of(new ChannelTraffic("ZHITONGCHE", 5, new BigDecimal("100.00")),
                new ChannelTraffic("TAOBAOKE", 1, new BigDecimal("100.00")),
                new ChannelTraffic("ZUANZHAN", 1, new BigDecimal("100.00")),
                new ChannelTraffic("JUHUASUAN", 1, new BigDecimal("100.00")));
        // five orders paid at one instant: 299.99 ZHITONGCHE, 300.00 TAOBAOKE, 400.00 ZUANZHAN, 500.00 JUHUASUAN, 7.00 none
        long at = Instant.parse("2026-03-10T01:00:00Z").toEpochMilli();
        PaidOrders paid = new PaidOrders(List.of("x", "y", "z", "w", "u"),
                new long[] {at, at, at, at, at}, Stream.of("299.99", "300.00", "400.00", "500.00", "7.00")
                        .map(BigDecimal::new).toList());
        List<String> visits = Arrays.asList("ZHITONGCHE", "TAOBAOKE", "ZUANZHAN", "JUHUASUAN", null);
        var rows = ChannelAttribution.of(spend, paid, visits).rows();
        assertEquals("poor", rows.get(1).grade());
        assertEquals("pass", rows.get(2).grade());
        assertEquals("good", rows.get(3).grade());
        assertEquals("excellent", rows.get(4).grade());
        assertNull(rows.get(0).grade(), "no spend, no grade");
        assertEquals(new BigDecimal("7.00"), rows.get(7).paidAmount());
        // attributed 1499.99 / spend 400
        assertEquals(new BigDecimal("3.749975"),
                ChannelAttribution.of(spend, paid, visits).metrics().get("channelRoi"));
    }

    private static Inquiries inquiries(List<FirstChat> chats, List<OrderSummary> orders) {
        return Inquiries.of(chats, orders, day -> day.plusDays(1).atStartOfDay(SHANGHAI).toInstant(),
                (buyer, at) -> at.atZone(SHANGHAI).toLocalDate());
    }

    private static OrderSummary order(String buyer, String createdAt, String paidAt, String amount) {
        return new OrderSummary("O-" + buyer + createdAt, buyer, "PC", Instant.parse(createdAt),
                paidAt == null ? null : Instant.parse(paidAt), new BigDecimal(amount));
    }
}
