package storeops.order.shipping;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static storeops.order.fixtures.OrderFixtures.as;
import static storeops.order.fixtures.OrderFixtures.order;
import static storeops.order.fixtures.OrderFixtures.refund;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Late shipment: deadline = paidAt + promised hours (72 by default); liability min(30% x goods
 * amount, 500) on the natural day (Asia/Shanghai) of the deadline, or of the application of an
 * OUT_OF_STOCK / NOT_SHIPPED_IN_TIME refund when the trade ended before its deadline; once per order.
 */
@QuarkusTest
class LateShipmentTest {

    private static final String SHOP = "late-shop";
    private static boolean seeded;

    @BeforeEach
    void data() {
        if (seeded) {
            return;
        }
        seeded = true;
        // A: paid 2026-02-01 00:00 +08:00, 72 h -> deadline 2026-02-04 00:00 +08:00 (2026-02-03T16:00Z);
        //    shipped one second later: late; 30% x 200.00 = 60.00 on 2026-02-04
        order("a").paidAt("2026-01-31T16:00:00Z").createdAt("2026-01-31T15:00:00Z").status("WAIT_BUYER_CONFIRM_GOODS")
                .shippedAt("2026-02-03T16:00:01Z").line(1, "200.00").put(SHOP, "LA");
        // B: promises 24 h: deadline 2026-02-02T02:00Z; shipped exactly at it: in time, 0
        order("b").paidAt("2026-02-01T02:00:00Z").createdAt("2026-02-01T01:00:00Z").status("WAIT_BUYER_CONFIRM_GOODS")
                .promiseHours(24).shippedAt("2026-02-02T02:00:00Z").line(1, "300.00").put(SHOP, "LB");
        // C: 30% x 2000.00 = 600.00, capped at 500.00; paid 2026-02-01 12:00 +08:00 and never shipped:
        //    deadline 2026-02-04 12:00 +08:00 has passed -> 500.00 on 2026-02-04
        order("c").paidAt("2026-02-01T04:00:00Z").createdAt("2026-02-01T03:00:00Z").line(1, "2000.00").put(SHOP, "LC");
        // D: 100.00, fully refunded for OUT_OF_STOCK before its deadline (2026-02-04 08:00 +08:00): owes anyway,
        //    30.00 on the day applied, 2026-02-02 (+08:00)
        order("d").paidAt("2026-02-01T00:00:00Z").createdAt("2026-01-31T23:00:00Z").line(1, "100.00").put(SHOP, "LD");
        as(SHOP, "erp").body(refund("LD", 1, "100.00", "REFUND_ONLY", "OUT_OF_STOCK", "SUCCESS", "2026-02-02T01:00:00Z",
                "2026-02-02T02:00:00Z")).put("/shops/{s}/refunds/{r}", SHOP, "LD-R").then().statusCode(200);
        // E: fully refunded for another reason before its deadline: owes nothing
        order("e").paidAt("2026-02-01T01:00:00Z").createdAt("2026-02-01T00:00:00Z").line(1, "100.00").put(SHOP, "LE");
        as(SHOP, "erp").body(refund("LE", 1, "100.00", "REFUND_ONLY", "OTHER", "SUCCESS", "2026-02-02T01:00:00Z",
                "2026-02-02T02:00:00Z")).put("/shops/{s}/refunds/{r}", SHOP, "LE-R").then().statusCode(200);
        // F: paid 2026-02-01 23:30 +08:00, promises 1 h: deadline 2026-02-02 00:30 +08:00 -> the 2nd, not the 1st;
        //    shipped late; 30% x 50.00 = 15.00
        order("f").paidAt("2026-02-01T15:30:00Z").createdAt("2026-02-01T15:00:00Z").status("WAIT_BUYER_CONFIRM_GOODS")
                .promiseHours(1).shippedAt("2026-02-01T17:00:00Z").line(1, "50.00").put(SHOP, "LF");
        // G: late (deadline 2026-02-04 00:00 +08:00, shipped on the 5th) AND a partial OUT_OF_STOCK refund applied
        //    on the 2nd: owes once, 30% x 10.00 = 3.00, on the deadline's day
        order("g").paidAt("2026-01-31T16:00:00Z").createdAt("2026-01-31T15:00:00Z").status("WAIT_BUYER_CONFIRM_GOODS")
                .shippedAt("2026-02-04T16:00:00Z").line(1, "6.00").line(2, "4.00").put(SHOP, "LG");
        as(SHOP, "erp").body(refund("LG", 2, "4.00", "REFUND_ONLY", "OUT_OF_STOCK", null, "2026-02-02T01:00:00Z",
                "2026-02-02T01:00:00Z")).put("/shops/{s}/refunds/{r}", SHOP, "LG-R").then().statusCode(200);
    }

    private static void liability(String from, String to, float expected) {
        as(SHOP, "analyst").get("/shops/{s}/orders/metrics?from=" + from + "&to=" + to, SHOP).then().statusCode(200)
                .body("metrics.lateShipmentLiability", equalTo(expected));
    }

    @Test
    void theMetricAddsEachLateOrderOnceOnItsDay() {
        liability("2026-02-01", "2026-02-01", 0.00f);
        // D 30.00 + F 15.00
        liability("2026-02-02", "2026-02-02", 45.00f);
        // A 60.00 + C 500.00 + G 3.00
        liability("2026-02-04", "2026-02-04", 563.00f);
        // 45.00 + 563.00
        liability("2026-02-01", "2026-02-05", 608.00f);
    }

    @Test
    void eachOrderSaysWhatItOwesAndWhy() {
        as(SHOP, "operator").get("/shops/{s}/orders/{o}/late-shipment", SHOP, "LA").then().statusCode(200)
                .body("basis", equalTo("LATE_SHIPMENT")).body("amount", equalTo(60.00f)).body("day", equalTo("2026-02-04"))
                .body("deadline", equalTo("2026-02-03T16:00:00Z")).body("promiseHours", equalTo(72));
        as(SHOP, "operator").get("/shops/{s}/orders/{o}/late-shipment", SHOP, "LB").then()
                .body("basis", equalTo("NONE")).body("amount", equalTo(0.00f));
        as(SHOP, "operator").get("/shops/{s}/orders/{o}/late-shipment", SHOP, "LC").then()
                .body("basis", equalTo("LATE_SHIPMENT")).body("amount", equalTo(500.00f));
        as(SHOP, "operator").get("/shops/{s}/orders/{o}/late-shipment", SHOP, "LD").then()
                .body("basis", equalTo("REFUND_REASON")).body("day", equalTo("2026-02-02"));
        as(SHOP, "operator").get("/shops/{s}/orders/{o}/late-shipment", SHOP, "LE").then()
                .body("basis", equalTo("NONE"));
        as(SHOP, "operator").get("/shops/{s}/orders/{o}/late-shipment", SHOP, "LG").then()
                .body("basis", equalTo("LATE_SHIPMENT")).body("amount", equalTo(3.00f)).body("day", equalTo("2026-02-04"));
        as(SHOP, "operator").get("/shops/{s}/orders/{o}/late-shipment", SHOP, "NOPE").then().statusCode(404);
        as(SHOP, "agent").get("/shops/{s}/orders/{o}/late-shipment", SHOP, "LA").then().statusCode(403);
    }

    @Test
    void shippingRisksListOrdersPastOrNearTheirDeadline() {
        String shop = "risk-shop";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // deadline in 2 h, overdue by 28 h, in 62 h; and one shipped (never a risk)
        order("r1").createdAt(now.minus(Duration.ofHours(71)).toString()).paidAt(now.minus(Duration.ofHours(70)).toString())
                .put(shop, "R-NEAR");
        order("r2").createdAt(now.minus(Duration.ofHours(101)).toString()).paidAt(now.minus(Duration.ofHours(100)).toString())
                .put(shop, "R-LATE");
        order("r3").createdAt(now.minus(Duration.ofHours(11)).toString()).paidAt(now.minus(Duration.ofHours(10)).toString())
                .put(shop, "R-FAR");
        order("r4").createdAt(now.minus(Duration.ofHours(101)).toString()).paidAt(now.minus(Duration.ofHours(100)).toString())
                .status("WAIT_BUYER_CONFIRM_GOODS").shippedAt(now.minus(Duration.ofHours(99)).toString()).put(shop, "R-SHIPPED");
        as(shop, "analyst").get("/shops/{s}/orders/shipping-risks?withinHours=24", shop).then().statusCode(200)
                .body("orders.orderNo", contains("R-LATE", "R-NEAR"))
                .body("orders[0].overdue", equalTo(true)).body("orders[1].overdue", equalTo(false))
                .body("orders[1].liabilityIfLate", equalTo(30.00f));
        as(shop, "operator").get("/shops/{s}/orders/shipping-risks?withinHours=72", shop).then().statusCode(200)
                .body("orders.orderNo", contains("R-LATE", "R-NEAR", "R-FAR"))
                .body("orders.orderNo", not(hasItem("R-SHIPPED")));
        as(shop, "operator").get("/shops/{s}/orders/shipping-risks?withinHours=-1", shop).then().statusCode(400);
        as(shop, "operator").get("/shops/{s}/orders/shipping-risks?withinHours=soon", shop).then().statusCode(400);
        as(shop, "operator").get("/shops/{s}/orders/shipping-risks?size=501", shop).then().statusCode(400);
        as(shop, "agent").get("/shops/{s}/orders/shipping-risks", shop).then().statusCode(403);
    }
}
