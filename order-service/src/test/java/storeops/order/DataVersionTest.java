package storeops.order;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static storeops.order.TestOrders.as;
import static storeops.order.TestOrders.order;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import storeops.order.scheduler.ShippingDeadlineJob;
import storeops.order.scheduler.TradeTimeoutJobs;

/**
 * The shop's data version, which the gateway keeps composed answers by: it moves with every
 * accepted change, an ERP write or a timed rule alike, and with nothing else.
 */
@QuarkusTest
class DataVersionTest {

    @Inject
    TradeTimeoutJobs jobs;

    @Inject
    ShippingDeadlineJob deadlines;

    @Inject
    DataSource dataSource;

    private static String version(String shop) {
        return as(shop, "analyst").get("/shops/{s}/orders/data-version", shop).then().statusCode(200)
                .extract().path("version");
    }

    @Test
    void anAcceptedWriteMovesTheVersionOfItsShopOnly() {
        String shop = "version-writes";
        String other = "version-other";
        order("V-0", "o", "PC").created("2026-07-01T00:00:00Z").put(other);
        String untouched = version(other);
        String before = version(shop);
        order("V-1", "b", "PC").created("2026-07-01T00:00:00Z").put(shop);
        String after = version(shop);
        assertNotEquals(before, after);
        assertEquals(untouched, version(other));
        // a later update of the same order moves it again
        order("V-1", "b", "PC").created("2026-07-01T00:00:00Z").paid("2026-07-01T00:05:00Z").put(shop);
        assertNotEquals(after, version(shop));
    }

    @Test
    void readsRejectedWritesAndReadingPostsLeaveItAlone() throws Exception {
        String shop = "version-reads";
        order("R-1", "b", "PC").created("2026-07-02T00:00:00Z").paid("2026-07-02T00:05:00Z").put(shop);
        String before = version(shop);
        long auditRows = auditRows(shop);
        as(shop, "analyst").get("/shops/{s}/orders/metrics?from=2026-07-02&to=2026-07-02", shop).then().statusCode(200);
        as(shop, "analyst").body("{\"from\":\"2026-07-02\",\"to\":\"2026-07-02\"}")
                .post("/shops/{s}/orders/buyer-sets", shop).then().statusCode(200);
        as(shop, "analyst").body("{\"from\":\"2026-07-02\",\"to\":\"2026-07-02\",\"buyerIds\":[\"b\"]}")
                .post("/shops/{s}/orders/buyer-orders", shop).then().statusCode(200);
        as(shop, "erp").body("{\"buyerId\":\"\"}").put("/shops/{s}/orders/{o}", shop, "R-2").then().statusCode(400);
        // a reconciliation compares a platform export with the orders and stores nothing
        as(shop, "erp").contentType("text/csv").body(("订单编号,买家会员名,订单状态,买家实际支付金额,订单创建时间,订单付款时间,备注\n"
                + "R-1,b,买家已付款，等待卖家发货,10.00,2026-07-02 08:00:00,2026-07-02 08:05:00,\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/shops/{s}/orders/reconciliation", shop).then().statusCode(200);
        assertEquals(before, version(shop));
        assertEquals(auditRows, auditRows(shop), "a POST that only reads is no write to audit");
    }

    @Test
    void aTimedRuleMovesTheVersionOfTheShopsItChanged() {
        String shop = "version-jobs";
        Instant now = Instant.parse("2026-07-05T00:00:00Z");
        jobs.closeUnpaid(now); // settle what other tests left due
        order("J-1", "b", "PC").created("2026-07-03T00:00:00Z").put(shop);
        String before = version(shop);
        String otherDays = version(shop, "2026-08-01", "2026-08-31");
        assertEquals(1, jobs.closeUnpaid(now));
        assertNotEquals(before, version(shop));
        assertEquals(otherDays, version(shop, "2026-08-01", "2026-08-31"), "only the days the order counts on");
    }

    private static String version(String shop, String from, String to) {
        return as(shop, "analyst").get("/shops/{s}/orders/data-version?from={f}&to={t}", shop, from, to).then()
                .statusCode(200).extract().path("version");
    }

    /**
     * An order moves the days a reader counts it on: placed, paid, shipped, and its shipping
     * deadline (late shipment); a replay moves none.
     */
    @Test
    void anOrderMovesTheVersionsOfItsDaysOnly() {
        String shop = "version-days";
        String[][] ranges = {{"2026-09-01", "2026-09-01"}, {"2026-09-02", "2026-09-03"}, {"2026-09-04", "2026-09-04"},
            {"2026-09-05", "2026-09-30"}};
        String[] before = new String[ranges.length];
        for (int i = 0; i < ranges.length; i++) {
            before[i] = version(shop, ranges[i][0], ranges[i][1]);
        }
        // paid at 10:00 on September 1st in Asia/Shanghai, to ship within 72 hours: by September 4th
        var paid = order("D-1", "b", "PC").created("2026-09-01T01:00:00Z").paid("2026-09-01T02:00:00Z")
                .set("shippingPromiseHours", 72);
        paid.put(shop);
        String[] after = new String[ranges.length];
        for (int i = 0; i < ranges.length; i++) {
            after[i] = version(shop, ranges[i][0], ranges[i][1]);
        }
        assertNotEquals(before[0], after[0], "the day it was placed and paid");
        assertEquals(before[1], after[1]);
        assertNotEquals(before[2], after[2], "the day of its shipping deadline");
        assertEquals(before[3], after[3]);

        paid.put(shop);
        assertEquals(after[0], version(shop, ranges[0][0], ranges[0][1]), "a replay changes nothing");

    }

    /**
     * A refund moves the days its figures count on: the day it was applied for (refund figures),
     * its order's payment and shipping-deadline days (late shipment, which a full refund before the
     * deadline waives), and the day a full refund closes the order; a replay or a stale update none.
     */
    @Test
    void aRefundMovesTheDaysItsFiguresAreCountedOn() {
        String shop = "version-refund-days";
        // placed and paid on September 1st in Asia/Shanghai, to ship within 72 hours: by September 4th
        order("RD-1", "b", "PC").created("2026-09-01T01:00:00Z").paid("2026-09-01T02:00:00Z")
                .set("shippingPromiseHours", 72).put(shop);
        String[][] ranges = {{"2026-09-01", "2026-09-01"}, {"2026-09-02", "2026-09-02"}, {"2026-09-03", "2026-09-03"},
            {"2026-09-04", "2026-09-04"}, {"2026-09-05", "2026-09-30"}};
        String[] before = versions(shop, ranges);
        // applied for at 11:00 on September 2nd, still waiting for the seller
        String applied = storeops.order.fixtures.OrderFixtures.refund("RD-1", 1, "4.00", "REFUND_ONLY", "OTHER", null,
                "2026-09-02T03:00:00Z", "2026-09-02T03:00:00Z");
        as(shop, "erp").body(applied).put("/shops/{s}/refunds/{r}", shop, "RDR-1").then().statusCode(200);
        String[] after = versions(shop, ranges);
        assertNotEquals(before[0], after[0], "the order's payment day");
        assertNotEquals(before[1], after[1], "the day it was applied for");
        assertEquals(before[2], after[2]);
        assertNotEquals(before[3], after[3], "the order's shipping-deadline day");
        assertEquals(before[4], after[4]);

        as(shop, "erp").body(applied).put("/shops/{s}/refunds/{r}", shop, "RDR-1").then().statusCode(200);
        as(shop, "erp").body(storeops.order.fixtures.OrderFixtures.refund("RD-1", 1, "4.00", "REFUND_ONLY", "OTHER",
                null, "2026-09-02T03:00:00Z", "2026-09-02T02:00:00Z")).put("/shops/{s}/refunds/{r}", shop, "RDR-1")
                .then().statusCode(200);
        assertArrayEquals(after, versions(shop, ranges), "a replay and a stale update change nothing");

        // the whole amount refunded on September 3rd, before shipment: the trade closes that day
        as(shop, "erp").body(storeops.order.fixtures.OrderFixtures.refund("RD-1", 1, "10.00", "REFUND_ONLY", "OTHER",
                "SUCCESS", "2026-09-02T03:00:00Z", "2026-09-03T03:00:00Z")).put("/shops/{s}/refunds/{r}", shop, "RDR-1")
                .then().statusCode(200);
        as(shop, "operator").get("/shops/{s}/orders/{o}", shop, "RD-1").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("TRADE_CLOSED"));
        String[] closed = versions(shop, ranges);
        assertNotEquals(after[2], closed[2], "the day the full refund closed the order");
        assertEquals(after[4], closed[4]);
    }

    /** Invoice requests feed only the open-invoice alert, which the gateway reads fresh: they move no day. */
    @Test
    void invoiceRequestsMoveNoDay() {
        String shop = "version-invoices";
        String before = version(shop, "2026-03-01", "2026-03-31");
        as(shop, "erp").body("{\"orderNo\":\"VI-1\",\"titleType\":\"COMPANY\",\"title\":\"杭州某某科技有限公司\","
                + "\"taxNumber\":\"91330100MA27XXXX1A\",\"delivery\":\"MAIL_LATER\","
                + "\"requestedAt\":\"2026-03-01T00:00:00Z\",\"fee\":null}")
                .put("/shops/{s}/invoices/{i}", shop, "VI-1").then().statusCode(200);
        as(shop, "erp").body("{\"at\":\"2026-03-02T00:00:00Z\",\"invoiceNo\":\"No.0001\"}")
                .post("/shops/{s}/invoices/{i}/issue", shop, "VI-1").then().statusCode(200);
        assertEquals(before, version(shop, "2026-03-01", "2026-03-31"));
    }

    /** A cash-on-delivery destination and its confirmation change no figure or join: no day moves. */
    @Test
    void cashOnDeliveryDestinationAndConfirmationMoveNoDay() {
        String shop = "version-cod";
        order("VC-1", "b", "PC").created("2026-03-05T01:00:00Z").set("cod", true).put(shop);
        String before = version(shop, "2026-03-01", "2026-03-31");
        as(shop, "erp").body("{\"country\":\"CN\",\"region\":\"浙江省\"}").put("/shops/{s}/orders/{o}/cod", shop, "VC-1")
                .then().statusCode(200);
        as(shop, "operator").body("{\"at\":\"2026-03-05T02:00:00Z\"}").post("/shops/{s}/orders/{o}/cod/confirm", shop, "VC-1")
                .then().statusCode(200);
        assertEquals(before, version(shop, "2026-03-01", "2026-03-31"));
    }

    private static String[] versions(String shop, String[][] ranges) {
        String[] versions = new String[ranges.length];
        for (int i = 0; i < ranges.length; i++) {
            versions[i] = version(shop, ranges[i][0], ranges[i][1]);
        }
        return versions;
    }

    /**
     * A shipping deadline passing unshipped makes its day owe compensation with no write at all:
     * the timed rule moves that day's version, once the deadline is behind it, and no other day's.
     */
    @Test
    void aShippingDeadlinePassingUnshippedMovesItsDay() {
        String shop = "version-deadline";
        // paid at 10:00 on October 1st in Asia/Shanghai, to ship within 24 hours: by 10:00 on the 2nd
        order("S-1", "b", "PC").created("2026-10-01T01:00:00Z").paid("2026-10-01T02:00:00Z")
                .set("shippingPromiseHours", 24).put(shop);
        String second = version(shop, "2026-10-02", "2026-10-02");
        String others = version(shop, "2026-10-03", "2026-10-31");
        deadlines.markPassed(Instant.parse("2026-10-01T12:00:00Z"), Instant.parse("2026-10-02T01:59:59Z"));
        assertEquals(second, version(shop, "2026-10-02", "2026-10-02"), "not passed yet");
        assertTrue(deadlines.markPassed(Instant.parse("2026-10-02T01:59:59Z"), Instant.parse("2026-10-02T02:30:00Z")) >= 1,
                "at least this shop's day passed in that half hour");
        assertNotEquals(second, version(shop, "2026-10-02", "2026-10-02"));
        assertEquals(others, version(shop, "2026-10-03", "2026-10-31"));
    }

    private long auditRows(String shop) throws Exception {
        try (var c = dataSource.getConnection();
                var q = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE shop_id = ?")) {
            q.setString(1, shop);
            var rs = q.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
