package storeops.order.refund;

import static org.hamcrest.Matchers.equalTo;
import static storeops.order.fixtures.OrderFixtures.as;
import static storeops.order.fixtures.OrderFixtures.order;
import static storeops.order.fixtures.OrderFixtures.refund;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefundMetricsTest {

    private static final String SHOP = "refund-metrics-shop";

    private static void put(String refundId, String body) {
        as(SHOP, "erp").body(body).put("/shops/{s}/refunds/{r}", SHOP, refundId).then().statusCode(200);
    }

    private static boolean seeded;

    @BeforeEach
    void data() {
        if (seeded) {
            return;
        }
        seeded = true;
        order("m1").line(1, "50.00").put(SHOP, "M-1");
        order("m1").line(1, "80.00").put(SHOP, "M-2");
        order("m2").line(1, "20.00").put(SHOP, "M-3");
        order("m3").status("TRADE_FINISHED").shippedAt("2026-02-27T00:00:00Z").finishedAt("2026-02-28T00:00:00Z")
                .line(1, "99.00").put(SHOP, "M-4");
        order("m4").line(1, "10.00").put(SHOP, "M-5");
        // 2026-03-01 in Asia/Shanghai is [2026-02-28T16:00Z, 2026-03-01T16:00Z)
        // m1: 30.00 in sale, applied 2026-03-01 00:00 +08:00 (the first instant of the day)
        put("MR-1", refund("M-1", 1, "30.00", "REFUND_ONLY", "OTHER", null, "2026-02-28T16:00:00Z", "2026-02-28T16:00:00Z"));
        // m1 again on another order, 20.00, later refused: still counted (whatever the status)
        put("MR-2", refund("M-2", 1, "20.00", "REFUND_ONLY", "OTHER", "SELLER_REFUSE_BUYER", "2026-03-01T05:00:00Z",
                "2026-03-01T06:00:00Z"));
        // m2: 15.50 closed, counted: 2026-03-01 23:59:59.999 +08:00
        put("MR-3", refund("M-3", 1, "15.50", "REFUND_ONLY", "OTHER", "CLOSED", "2026-03-01T15:59:59.999Z",
                "2026-03-01T15:59:59.999Z"));
        // m3: after sale (the order was finished): never an in-sale request
        put("MR-4", refund("M-4", 1, "99.00", "RETURN_AND_REFUND", "NO_REASON_7_DAYS", null, "2026-03-01T03:00:00Z",
                "2026-03-01T03:00:00Z"));
        // m4: 10.00 at 2026-03-02 00:00 +08:00: the next natural day
        put("MR-5", refund("M-5", 1, "10.00", "REFUND_ONLY", "OTHER", null, "2026-03-01T16:00:00Z", "2026-03-01T16:00:00Z"));
    }

    @Test
    void inSaleRequestsOfOneDay() {
        // amount: 30.00 + 20.00 + 15.50 = 65.50; buyers: m1, m2 = 2 (m3 is after sale, m4 the next day)
        as(SHOP, "analyst").get("/shops/{s}/orders/metrics?from=2026-03-01&to=2026-03-01", SHOP).then().statusCode(200)
                .body("metrics.inSaleRefundRequestedAmount", equalTo(65.50f))
                .body("metrics.inSaleRefundRequestBuyers", equalTo(2));
    }

    @Test
    void inSaleRequestsOverTwoDaysCountEachBuyerOnce() {
        // amount: 65.50 + 10.00 = 75.50; buyers m1, m2, m4 = 3
        as(SHOP, "analyst").get("/shops/{s}/orders/metrics?from=2026-03-01&to=2026-03-02", SHOP).then().statusCode(200)
                .body("metrics.inSaleRefundRequestedAmount", equalTo(75.50f))
                .body("metrics.inSaleRefundRequestBuyers", equalTo(3));
        // the day before: nothing (MR-1 is the first instant of 2026-03-01)
        as(SHOP, "analyst").get("/shops/{s}/orders/metrics?from=2026-02-28&to=2026-02-28", SHOP).then().statusCode(200)
                .body("metrics.inSaleRefundRequestedAmount", equalTo(0.00f))
                .body("metrics.inSaleRefundRequestBuyers", equalTo(0));
    }
}
