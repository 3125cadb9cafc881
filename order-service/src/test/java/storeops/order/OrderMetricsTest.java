package storeops.order;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static storeops.order.TestOrders.as;
import static storeops.order.TestOrders.order;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every order key of metrics.csv owned by the trade, on one hand-made data set. The shop's zone
 * is Asia/Shanghai (UTC+8): natural day 2026-03-10 is [2026-03-09T16:00Z, 2026-03-10T16:00Z),
 * 2026-03-11 is [2026-03-10T16:00Z, 2026-03-11T16:00Z). Amounts are goods amounts (the lines'
 * payment), freight never counts.
 *
 * <pre>
 * order buyer          placed on  created (SH)        paid (SH)            lines (product x qty = payment)
 * A     old            PC         03-10 01:00         03-10 01:30          P1x2=100, P2x1=50  -> 150
 * B     ancient        TAOBAO_APP 03-10 23:59:59.999  03-11 00:00:00.000   P1x1=40
 * C     pcapp          PC         03-10 10:00         03-10 11:00 (paid in the app, placed on PC) P3x3=30
 * D     presale-buyer  TMALL_APP  03-01 (deposit 03-01) balance 03-11 04:00 P4x1=200
 * E     window         WAP        03-10 13:00         unpaid               P1x1=20, P5x2=16 -> 36
 * F     old            WAP        03-10 14:00         03-10 14:10 (shipped 03-10 17:00) P2x1=25
 * G     cod            PC         03-08 (shipped 03-09 10:00) signed 03-11 10:00 (COD) P6x1=60
 * H     late-night     PC         03-11 23:59         03-12 00:00:30       P1x1=10
 * I     closed         TAOBAO_APP 03-10 16:00         closed unpaid        P7x1=99
 * J     before         PC         03-09 23:00         03-09 23:59:59 (shipped 03-10 09:00) P8x1=70
 * K     pcapp          TAOBAO_APP 03-11 09:00         03-11 09:30          P3x1=12
 * L     edge           WAP        03-11 11:00         03-11 11:00          P9x1=8
 * history: old paid 2025-08-22 (200 days before 03-10); ancient paid 2025-03-10 (366 days before
 * 03-11); edge paid 2025-03-11 00:00 (exactly 365 days before 03-11); presale-buyer paid only a
 * deposit on 2025-12-01 (no payment).
 * </pre>
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderMetricsTest {

    private static final String SHOP = "metrics-shop";
    /** Money and ratios read as doubles, compared within 0.001 (the API answers 2 and 6 decimals). */
    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    /** The trade's keys of metrics.csv (the refund keys and late-shipment liability come from their own sources). */
    static final List<String> TRADE_KEYS = List.of("averageOrderValue", "pcAverageOrderValue", "pcOrderAmount",
            "pcOrderBuyers", "pcPaidParentOrders", "pcPaidAmount", "pcPaidReturningBuyers", "pcPaidBuyers",
            "pcPaidItems", "pcPaidProducts", "pcPaidChildOrders", "paidItemsPerBuyer", "paidChildOrdersPerBuyer",
            "taobaoAppPaidAmount", "taobaoAppPaidBuyers", "taobaoAppPaidItems", "tmallAppPaidAmount",
            "tmallAppPaidBuyers", "tmallAppPaidItems", "wapPaidAmount", "wapPaidBuyers", "wapPaidItems",
            "wirelessAverageOrderValue", "wirelessOrderAmount", "wirelessOrderBuyers", "wirelessPaidParentOrders",
            "wirelessPaidAmount", "wirelessPaidAmountShare", "wirelessPaidReturningBuyers", "wirelessPaidBuyers",
            "wirelessPaidBuyerShare", "wirelessPaidItems", "wirelessPaidProducts", "wirelessPaidChildOrders",
            "orderedParentOrders", "orderAmount", "orderBuyers", "orderedAndPaidParentOrders", "orderedAndPaidAmount",
            "orderedAndPaidBuyers", "orderedAndPaidItems", "orderedItems", "orderedChildOrders", "newBuyers",
            "shippedParentOrders", "paidParentOrders", "paidAmount", "paidAmountChangeVsPreviousDay", "paidBuyers",
            "paidItems", "paidProducts", "paidChildOrders");

    private boolean loaded;

    @BeforeEach
    void dataSet() {
        if (loaded) {
            return;
        }
        loaded = true;
        // history before the period
        order("H1", "old", "TAOBAO_APP").created("2025-08-22T03:00:00Z").paid("2025-08-22T04:00:00Z")
                .line("P1", 1, "9.00").put(SHOP);
        order("H2", "ancient", "PC").created("2025-03-10T03:00:00Z").paid("2025-03-10T04:00:00Z")
                .line("P1", 1, "9.00").put(SHOP);
        order("H4", "edge", "PC").created("2025-03-10T15:00:00Z").paid("2025-03-10T16:00:00Z")
                .line("P1", 1, "9.00").put(SHOP);
        order("H3", "presale-buyer", "PC").created("2025-12-01T02:00:00Z").set("presale", true)
                .set("depositPaidAt", "2025-12-01T02:05:00Z").status("PAID_FORBID_CONSIGN")
                .modified("2025-12-01T02:05:00Z").line("P4", 1, "300.00").put(SHOP);
        // the period's orders
        order("A", "old", "PC").created("2026-03-09T17:00:00Z").paid("2026-03-09T17:30:00Z").set("freight", "10.00")
                .line("P1", 2, "100.00").line("P2", 1, "50.00").put(SHOP);
        order("B", "ancient", "TAOBAO_APP").created("2026-03-10T15:59:59.999Z").paid("2026-03-10T16:00:00Z")
                .line("P1", 1, "40.00").put(SHOP);
        order("C", "pcapp", "PC").created("2026-03-10T02:00:00Z").paid("2026-03-10T03:00:00Z")
                .line("P3", 3, "30.00").put(SHOP);
        order("D", "presale-buyer", "TMALL_APP").created("2026-03-01T02:00:00Z").set("presale", true)
                .set("depositPaidAt", "2026-03-01T02:10:00Z").paid("2026-03-10T20:00:00Z").line("P4", 1, "200.00")
                .put(SHOP);
        order("E", "window", "WAP").created("2026-03-10T05:00:00Z").line("P1", 1, "20.00").line("P5", 2, "16.00")
                .put(SHOP);
        order("F", "old", "WAP").created("2026-03-10T06:00:00Z").paid("2026-03-10T06:10:00Z")
                .set("shippedAt", "2026-03-10T09:00:00Z").status("WAIT_BUYER_CONFIRM_GOODS")
                .modified("2026-03-10T09:00:00Z").line("P2", 1, "25.00").put(SHOP);
        order("G", "cod", "PC").created("2026-03-08T02:00:00Z").set("cod", true).set("shippedAt", "2026-03-09T02:00:00Z")
                .paid("2026-03-11T02:00:00Z").status("TRADE_BUYER_SIGNED").line("P6", 1, "60.00").put(SHOP);
        order("H", "late-night", "PC").created("2026-03-11T15:59:00Z").paid("2026-03-11T16:00:30Z")
                .line("P1", 1, "10.00").put(SHOP);
        order("I", "closed", "TAOBAO_APP").created("2026-03-10T08:00:00Z").status("TRADE_CLOSED_BY_TAOBAO")
                .set("closedAt", "2026-03-11T08:00:00Z").modified("2026-03-11T08:00:00Z").line("P7", 1, "99.00").put(SHOP);
        order("J", "before", "PC").created("2026-03-09T15:00:00Z").paid("2026-03-09T15:59:59Z")
                .set("shippedAt", "2026-03-10T01:00:00Z").status("WAIT_BUYER_CONFIRM_GOODS")
                .modified("2026-03-10T01:00:00Z").line("P8", 1, "70.00").put(SHOP);
        order("K", "pcapp", "TAOBAO_APP").created("2026-03-11T01:00:00Z").paid("2026-03-11T01:30:00Z")
                .line("P3", 1, "12.00").put(SHOP);
        order("L", "edge", "WAP").created("2026-03-11T03:00:00Z").paid("2026-03-11T03:00:00Z")
                .line("P9", 1, "8.00").put(SHOP);
    }

    private static ValidatableResponse metrics(String from, String to) {
        return as(SHOP, "analyst").config(DOUBLES).get("/shops/{s}/orders/metrics?from=" + from + "&to=" + to, SHOP).then()
                .statusCode(200);
    }

    private static void money(ValidatableResponse r, String key, double value) {
        r.body("metrics." + key, closeTo(value, 0.001));
    }

    private static void count(ValidatableResponse r, String key, int value) {
        r.body("metrics." + key, equalTo(value));
    }

    @Test
    void everyTradeKeyIsAnswered() {
        ValidatableResponse r = metrics("2026-03-10", "2026-03-11");
        for (String key : TRADE_KEYS) {
            r.body("metrics", hasKey(key));
        }
    }

    @Test
    void placedOrdersOverTwoDays() {
        ValidatableResponse r = metrics("2026-03-10", "2026-03-11");
        // placed in [03-10, 03-11]: A B C E F H I K L (D, G placed earlier; J at 03-09 23:00)
        count(r, "orderedParentOrders", 9);
        // 150 + 40 + 30 + 36 + 25 + 10 + 99 + 12 + 8, paid or not, freight aside
        money(r, "orderAmount", 410.00);
        // old, ancient, pcapp, window, late-night, closed, edge
        count(r, "orderBuyers", 7);
        // A 3 + B 1 + C 3 + E 3 + F 1 + H 1 + I 1 + K 1 + L 1
        count(r, "orderedItems", 15);
        // lines: A 2 + E 2 + seven single-line orders
        count(r, "orderedChildOrders", 11);
        // PC: A 150 + C 30 + H 10, buyers old, pcapp, late-night
        money(r, "pcOrderAmount", 190.00);
        count(r, "pcOrderBuyers", 3);
        // wireless: B 40 + E 36 + F 25 + I 99 + K 12 + L 8; buyers ancient, window, old, closed, pcapp, edge
        money(r, "wirelessOrderAmount", 220.00);
        count(r, "wirelessOrderBuyers", 6);
        // placed and paid within the period: A B C F K L (H paid 00:00:30 after the period)
        count(r, "orderedAndPaidParentOrders", 6);
        money(r, "orderedAndPaidAmount", 265.00);
        count(r, "orderedAndPaidBuyers", 4);
        count(r, "orderedAndPaidItems", 10);
        // shipped in the period: F (03-10 17:00) and J (03-10 09:00); G shipped 03-09 10:00
        count(r, "shippedParentOrders", 2);
    }

    @Test
    void paidOrdersOverTwoDays() {
        ValidatableResponse r = metrics("2026-03-10", "2026-03-11");
        // paid in the period: A B C D F G K L; D by its balance, G by its signing; J (03-09 23:59:59) and H
        // (03-12 00:00:30) outside
        count(r, "paidParentOrders", 8);
        // 150 + 40 + 30 + 200 + 25 + 60 + 12 + 8
        money(r, "paidAmount", 525.00);
        // old, ancient, pcapp, presale-buyer, cod, edge
        count(r, "paidBuyers", 6);
        count(r, "paidItems", 12);
        count(r, "paidChildOrders", 9);
        // P1 P2 P3 P4 P6 P9
        count(r, "paidProducts", 6);
        money(r, "averageOrderValue", 87.50);
        money(r, "paidItemsPerBuyer", 2.0);
        money(r, "paidChildOrdersPerBuyer", 1.5);
        // PC: A C G (C paid in the app but placed on PC)
        count(r, "pcPaidParentOrders", 3);
        money(r, "pcPaidAmount", 240.00);
        count(r, "pcPaidBuyers", 3);
        count(r, "pcPaidItems", 7);
        count(r, "pcPaidChildOrders", 4);
        count(r, "pcPaidProducts", 4);
        money(r, "pcAverageOrderValue", 80.00);
        // wireless: B D F K L
        count(r, "wirelessPaidParentOrders", 5);
        money(r, "wirelessPaidAmount", 285.00);
        count(r, "wirelessPaidBuyers", 5);
        count(r, "wirelessPaidItems", 5);
        count(r, "wirelessPaidChildOrders", 5);
        count(r, "wirelessPaidProducts", 5);
        money(r, "wirelessAverageOrderValue", 57.00);
        // 285 / (240 + 285)
        money(r, "wirelessPaidAmountShare", 285.0 / 525.0);
        // 5 / (3 + 5): pcapp counts in both groups
        money(r, "wirelessPaidBuyerShare", 0.625);
        // Taobao app: B 40 + K 12; Tmall app: D; WAP: F 25 + L 8
        money(r, "taobaoAppPaidAmount", 52.00);
        count(r, "taobaoAppPaidBuyers", 2);
        count(r, "taobaoAppPaidItems", 2);
        money(r, "tmallAppPaidAmount", 200.00);
        count(r, "tmallAppPaidBuyers", 1);
        count(r, "tmallAppPaidItems", 1);
        money(r, "wapPaidAmount", 33.00);
        count(r, "wapPaidBuyers", 2);
        count(r, "wapPaidItems", 2);
    }

    @Test
    void returningBuyersLookBack365NaturalDaysFromTheirFirstPaymentInThePeriod() {
        ValidatableResponse r = metrics("2026-03-10", "2026-03-11");
        // all terminals, judged at the first payment in the period:
        //  old (03-10): paid 2025-08-22, 200 days before -> returning
        //  edge (03-11): paid 2025-03-11 00:00, day D-365 -> returning
        //  ancient (03-11): paid 2025-03-10, day D-366 -> new
        //  pcapp (03-10): nothing before -> new; presale-buyer: only a deposit before -> new; cod -> new
        // newBuyers = 6 paid buyers - 2 returning
        count(r, "newBuyers", 4);
        // PC buyers old (returning), pcapp, cod
        count(r, "pcPaidReturningBuyers", 1);
        // wireless buyers: old (F 03-10, returning), pcapp (first wireless payment K on 03-11; C on 03-10 on
        // any terminal counts -> returning), edge (returning), ancient, presale-buyer
        count(r, "wirelessPaidReturningBuyers", 3);
        // paid on 03-11 (B 40 + D 200 + G 60 + K 12 + L 8 = 320) minus paid on 03-10 (A 150 + C 30 + F 25 = 205)
        money(r, "paidAmountChangeVsPreviousDay", 115.00);
    }

    @Test
    void singleDaysSplitAtMidnightInShanghai() {
        ValidatableResponse d10 = metrics("2026-03-10", "2026-03-10");
        // A C F; B was placed 23:59:59.999 on 03-10 but paid 00:00:00 on 03-11
        money(d10, "paidAmount", 205.00);
        count(d10, "paidBuyers", 2);
        // placed on 03-10: A B C E F I
        count(d10, "orderedParentOrders", 6);
        count(d10, "orderedAndPaidParentOrders", 3);
        // 205 on 03-10 minus J's 70 on 03-09 (23:59:59 in Shanghai)
        money(d10, "paidAmountChangeVsPreviousDay", 135.00);

        ValidatableResponse d11 = metrics("2026-03-11", "2026-03-11");
        money(d11, "paidAmount", 320.00);
        // paid on 03-11: ancient, presale-buyer, cod, pcapp, edge; returning now: pcapp (C on 03-10), edge
        count(d11, "newBuyers", 3);
        count(d11, "orderedParentOrders", 3);

        // a day without payments: ratios are null, never a division by zero
        ValidatableResponse empty = metrics("2026-02-01", "2026-02-01");
        count(empty, "paidBuyers", 0);
        empty.body("metrics.averageOrderValue", nullValue()).body("metrics.wirelessPaidAmountShare", nullValue())
                .body("metrics.paidItemsPerBuyer", nullValue());
    }

    @Test
    void dailyMetricsAndTheGatewaysJoins() {
        as(SHOP, "analyst").config(DOUBLES).get("/shops/{s}/orders/metrics/daily?from=2026-03-10&to=2026-03-11", SHOP).then()
                .statusCode(200).body("days.date", equalTo(List.of("2026-03-10", "2026-03-11")))
                .body("days[0].metrics.paidAmount", closeTo(205.0, 0.001))
                .body("days[1].metrics.paidAmount", closeTo(320.0, 0.001));
        as(SHOP, "analyst").body(Map.of("from", "2026-03-10", "to", "2026-03-11"))
                .post("/shops/{s}/orders/buyer-sets", SHOP).then().statusCode(200)
                // sets: the order buyers who also paid in the period first, each id once
                .body("orderBuyers", containsInAnyOrder("ancient", "closed", "edge", "late-night", "old", "pcapp", "window"))
                .body("paidOrderBuyerCount", equalTo(4))
                .body("orderBuyers[0..3]", containsInAnyOrder("ancient", "edge", "old", "pcapp"))
                .body("paidNotOrderedBuyers", containsInAnyOrder("cod", "presale-buyer"))
                .body("orderedAndPaidBuyerCount", equalTo(4));
        as(SHOP, "analyst").config(DOUBLES).body(Map.of("from", "2026-03-10", "to", "2026-03-11", "buyerIds", List.of("old", "cod", "nobody")))
                .post("/shops/{s}/orders/buyer-orders", SHOP).then().statusCode(200)
                .body("orders.orderNo", equalTo(List.of("A", "F")))
                .body("orders[0].goodsAmount", closeTo(150.0, 0.001)).body("orders[0].terminal", equalTo("PC"));
        as(SHOP, "analyst").get("/shops/{s}/orders/paid?from=2026-03-11&to=2026-03-11", SHOP).then().statusCode(200)
                .body("orderNos", equalTo(List.of("B", "D", "K", "G", "L")));
        // bad periods and roles
        as(SHOP, "analyst").body(Map.of("from", "2026-03-11", "to", "2026-03-10"))
                .post("/shops/{s}/orders/buyer-sets", SHOP).then().statusCode(400);
        as(SHOP, "analyst").config(DOUBLES).get("/shops/{s}/orders/metrics/daily?from=2026-03-10", SHOP).then().statusCode(400);
        as(SHOP, "erp").get("/shops/{s}/orders/metrics?from=2026-03-10&to=2026-03-11", SHOP).then().statusCode(403);
        as(SHOP, "agent").get("/shops/{s}/orders/paid?from=2026-03-10&to=2026-03-11", SHOP).then().statusCode(403);
    }
}
