package storeops.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static storeops.order.TestOrders.as;
import static storeops.order.TestOrders.order;
import static storeops.order.fixtures.OrderFixtures.refund;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every order source (trade, refunds, late shipment) reads per-day figures: a refund write changes
 * the figures of the days it concerns, an open order's liability follows the time of the query,
 * and the daily endpoint gives each day what the metrics endpoint gives for that day alone. Shop
 * zone Asia/Shanghai (UTC+8): natural day 2026-04-02 is [2026-04-01T16:00Z, 2026-04-02T16:00Z).
 */
@QuarkusTest
class OrderSourcesPerDayTest {

    private static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");

    private static JsonPath metrics(String shop, String from, String to) {
        return as(shop, "analyst").get("/shops/{s}/orders/metrics?from=" + from + "&to=" + to, shop).then()
                .statusCode(200).extract().jsonPath();
    }

    private static BigDecimal money(JsonPath m, String key) {
        return new BigDecimal(m.getString("metrics." + key));
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    private static void putRefund(String shop, String refundId, String body) {
        as(shop, "erp").body(body).put("/shops/{s}/refunds/{r}", shop, refundId).then().statusCode(200);
    }

    @Test
    void aRefundWriteChangesTheFiguresOfTheDaysItConcerns() {
        String shop = "sources-refund";
        order("SR-1", "rb1", "PC").created("2026-04-01T01:00:00Z").paid("2026-04-01T02:00:00Z")
                .line("P1", 1, "100.00").put(shop);
        order("SR-2", "rb2", "WAP").created("2026-04-01T01:00:00Z").paid("2026-04-01T02:00:00Z")
                .line("P1", 1, "100.00").put(shop);
        // in sale, applied on 2026-04-02 (+08:00)
        putRefund(shop, "SRR-1", refund("SR-1", 1, "30.00", "REFUND_ONLY", "OTHER", null, "2026-04-02T01:00:00Z",
                "2026-04-02T01:00:00Z"));
        JsonPath day2 = metrics(shop, "2026-04-02", "2026-04-02");
        assertMoney("30.00", money(day2, "inSaleRefundRequestedAmount"));
        assertEquals(1, day2.getInt("metrics.inSaleRefundRequestBuyers"));
        // SR-2 unshipped: deadline 2026-04-04T02:00Z, i.e. 2026-04-04 (+08:00): 30.00 owed that day
        assertMoney("60.00", money(metrics(shop, "2026-04-04", "2026-04-04"), "lateShipmentLiability"));

        // the platform moves the application to the 3rd with another amount: the 2nd loses it
        putRefund(shop, "SRR-1", refund("SR-1", 1, "40.00", "REFUND_ONLY", "OTHER", null, "2026-04-03T01:00:00Z",
                "2026-04-03T02:00:00Z"));
        JsonPath day2After = metrics(shop, "2026-04-02", "2026-04-02");
        assertMoney("0.00", money(day2After, "inSaleRefundRequestedAmount"));
        assertEquals(0, day2After.getInt("metrics.inSaleRefundRequestBuyers"));
        JsonPath day3 = metrics(shop, "2026-04-03", "2026-04-03");
        assertMoney("40.00", money(day3, "inSaleRefundRequestedAmount"));
        assertEquals(1, day3.getInt("metrics.inSaleRefundRequestBuyers"));

        // SR-2 fully refunded (reason OTHER) before its deadline: it closes and owes nothing any more
        putRefund(shop, "SRR-2", refund("SR-2", 1, "100.00", "REFUND_ONLY", "OTHER", "SUCCESS",
                "2026-04-02T03:00:00Z", "2026-04-02T04:00:00Z"));
        assertMoney("30.00", money(metrics(shop, "2026-04-04", "2026-04-04"), "lateShipmentLiability"));
        assertEquals(2, metrics(shop, "2026-04-02", "2026-04-03").getInt("metrics.inSaleRefundRequestBuyers"));

        // the order's buyer changes: the refund counts the new buyer on its day
        order("SR-1", "rb2", "PC").created("2026-04-01T01:00:00Z").paid("2026-04-01T02:00:00Z")
                .modified("2026-04-05T00:00:00Z").line("P1", 1, "100.00").put(shop);
        assertEquals(1, metrics(shop, "2026-04-02", "2026-04-03").getInt("metrics.inSaleRefundRequestBuyers"));
    }

    @Test
    void anOpenOrderOwesOnlyOnceItsDeadlineHasPassed() {
        String shop = "sources-open";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, SHOP_ZONE);
        // paid an hour ago, unshipped: its deadline (in 71 h) has not passed, nothing owed yet
        order("SO-1", "ob1", "PC").created(now.minus(Duration.ofHours(2)).toString())
                .paid(now.minus(Duration.ofHours(1)).toString()).line("P1", 1, "100.00").put(shop);
        // paid 100 h ago, unshipped: late, 30.00 on its deadline's day
        Instant oldDeadline = now.minus(Duration.ofHours(28));
        order("SO-2", "ob2", "PC").created(now.minus(Duration.ofHours(101)).toString())
                .paid(now.minus(Duration.ofHours(100)).toString()).line("P1", 1, "100.00").put(shop);
        String from = today.minusDays(6).toString();
        String to = today.plusDays(4).toString();
        assertMoney("30.00", money(metrics(shop, from, to), "lateShipmentLiability"));
        assertMoney("30.00", money(metrics(shop, LocalDate.ofInstant(oldDeadline, SHOP_ZONE).toString(),
                LocalDate.ofInstant(oldDeadline, SHOP_ZONE).toString()), "lateShipmentLiability"));

        // an out-of-stock refund of the open order: it owes now, on the day it was applied for
        String applied = now.minus(Duration.ofMinutes(10)).toString();
        putRefund(shop, "SOR-1", refund("SO-1", 1, "50.00", "REFUND_ONLY", "OUT_OF_STOCK", null, applied, applied));
        LocalDate appliedDay = LocalDate.ofInstant(Instant.parse(applied), SHOP_ZONE);
        assertMoney("60.00", money(metrics(shop, from, to), "lateShipmentLiability"));
        JsonPath onAppliedDay = metrics(shop, appliedDay.toString(), appliedDay.toString());
        assertTrue(money(onAppliedDay, "lateShipmentLiability").compareTo(new BigDecimal("30.00")) >= 0);
        // not also on its deadline's day
        LocalDate openDeadlineDay = LocalDate.ofInstant(now.plus(Duration.ofHours(71)), SHOP_ZONE);
        assertMoney("0.00", money(metrics(shop, openDeadlineDay.toString(), openDeadlineDay.toString()),
                "lateShipmentLiability"));
        sameAsDaily(shop, today.minusDays(6), today.plusDays(4));
    }

    /** A hand-made week over several terminals, buyers, refunds and late orders: daily == one-day metrics, key by key. */
    @Test
    void theDailyAnswerIsEachDayAlone() {
        String shop = "sources-daily";
        // 2026-04-10 (+08:00) = [2026-04-09T16:00Z, 2026-04-10T16:00Z)
        order("SD-0", "db1", "PC").created("2026-03-01T02:00:00Z").paid("2026-03-01T03:00:00Z")
                .status("TRADE_FINISHED").set("shippedAt", "2026-03-02T00:00:00Z")
                .set("finishedAt", "2026-03-05T00:00:00Z").line("P1", 1, "10.00").put(shop);
        order("SD-1", "db1", "PC").created("2026-04-09T17:00:00Z").paid("2026-04-09T18:00:00Z")
                .line("P1", 2, "100.00").line("P2", 1, "50.00").put(shop);
        order("SD-2", "db2", "TAOBAO_APP").created("2026-04-10T01:00:00Z").paid("2026-04-11T01:00:00Z")
                .status("WAIT_BUYER_CONFIRM_GOODS").set("shippedAt", "2026-04-15T01:00:00Z")
                .modified("2026-04-15T01:00:00Z").line("P3", 1, "80.00").put(shop);
        order("SD-3", "db3", "WAP").created("2026-04-11T05:00:00Z").line("P1", 1, "20.00").put(shop);
        order("SD-4", "db2", "TMALL_APP").created("2026-04-12T05:00:00Z").paid("2026-04-12T06:00:00Z")
                .line("P2", 3, "3000.00").put(shop);
        order("SD-5", "db4", "WAP").created("2026-04-12T07:00:00Z").paid("2026-04-12T08:00:00Z")
                .set("shippingPromiseHours", 24).line("P4", 1, "40.00").put(shop);
        putRefund(shop, "SDR-1", refund("SD-1", 1, "100.00", "REFUND_ONLY", "OTHER", "SELLER_REFUSE_BUYER",
                "2026-04-10T02:00:00Z", "2026-04-10T03:00:00Z"));
        putRefund(shop, "SDR-2", refund("SD-5", 1, "40.00", "REFUND_ONLY", "OUT_OF_STOCK", null,
                "2026-04-12T09:00:00Z", "2026-04-12T09:00:00Z"));
        putRefund(shop, "SDR-3", refund("SD-4", 1, "10.00", "REFUND_ONLY", "OTHER", null,
                "2026-04-12T10:00:00Z", "2026-04-12T10:00:00Z"));
        JsonPath week = metrics(shop, "2026-04-09", "2026-04-16");
        // not a week of zeros: payments, refunds and late shipment all have figures
        assertEquals(4, week.getInt("metrics.paidParentOrders"));
        assertMoney("150.00", money(week, "inSaleRefundRequestedAmount"));
        // SD-1 150.00 x 30% = 45.00 (04-13); SD-2 shipped late 24.00 (04-14); SD-4 capped 500.00 (04-15); SD-5 12.00 (04-13)
        assertMoney("581.00", money(week, "lateShipmentLiability"));
        assertEquals(1, week.getInt("metrics.pcPaidReturningBuyers"));
        sameAsDaily(shop, LocalDate.parse("2026-04-09"), LocalDate.parse("2026-04-16"));
    }

    private static void sameAsDaily(String shop, LocalDate from, LocalDate to) {
        List<Map<String, Object>> days = as(shop, "analyst")
                .get("/shops/{s}/orders/metrics/daily?from=" + from + "&to=" + to, shop).then().statusCode(200)
                .extract().jsonPath().getList("days");
        assertEquals(from.datesUntil(to.plusDays(1)).count(), days.size());
        for (Map<String, Object> day : days) {
            String date = (String) day.get("date");
            Map<String, Object> alone = as(shop, "analyst")
                    .get("/shops/{s}/orders/metrics?from=" + date + "&to=" + date, shop).then().statusCode(200)
                    .extract().jsonPath().getMap("metrics");
            assertEquals(alone, day.get("metrics"), "the daily entry of " + date);
        }
    }
}
