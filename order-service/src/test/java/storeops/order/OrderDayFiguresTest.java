package storeops.order;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static storeops.order.TestOrders.as;
import static storeops.order.TestOrders.order;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import storeops.order.service.DayFigures;

/**
 * The per-day figures behind the metrics never go stale: every read below follows a read that
 * computed the days concerned, then a write that changes them. Shop zone Asia/Shanghai (UTC+8):
 * natural day 2026-05-10 is [2026-05-09T16:00Z, 2026-05-10T16:00Z).
 */
@QuarkusTest
class OrderDayFiguresTest {

    @Inject
    DayFigures dayFigures;

    private static JsonPath metrics(String shop, String from, String to) {
        return as(shop, "analyst").get("/shops/{s}/orders/metrics?from=" + from + "&to=" + to, shop).then()
                .statusCode(200).extract().jsonPath();
    }

    private static int count(JsonPath m, String key) {
        return m.getInt("metrics." + key);
    }

    @Test
    void aLateErpUpdateMovesThePaymentToAnotherDay() {
        String shop = "figures-late";
        order("LATE-1", "lb", "PC").created("2026-05-09T17:00:00Z").paid("2026-05-09T18:00:00Z")
                .line("P1", 2, "30.00").put(shop);
        JsonPath before = metrics(shop, "2026-05-10", "2026-05-12");
        assertEquals(1, count(before, "paidParentOrders"));
        assertEquals(1, count(metrics(shop, "2026-05-10", "2026-05-10"), "paidParentOrders"));
        assertEquals(1, count(metrics(shop, "2026-05-10", "2026-05-10"), "orderedAndPaidParentOrders"));

        // the ERP learns that the payment went through two days later, with another product
        order("LATE-1", "lb", "PC").created("2026-05-09T17:00:00Z").paid("2026-05-12T01:00:00Z")
                .line("P2", 2, "30.00").put(shop);
        JsonPath day10 = metrics(shop, "2026-05-10", "2026-05-10");
        assertEquals(0, count(day10, "paidParentOrders"));
        assertEquals(0, count(day10, "paidBuyers"));
        assertEquals(0, count(day10, "orderedAndPaidParentOrders"));
        assertEquals(1, count(day10, "orderedParentOrders"));
        JsonPath day12 = metrics(shop, "2026-05-12", "2026-05-12");
        assertEquals(1, count(day12, "paidParentOrders"));
        assertEquals(2, count(day12, "paidItems"));
        assertEquals(1, count(day12, "pcPaidProducts"));
        assertEquals(0, count(day12, "orderedParentOrders"));
        // placed on the 10th, paid on the 12th: placed and paid within 10..12, not within 10..11
        assertEquals(1, count(metrics(shop, "2026-05-10", "2026-05-12"), "orderedAndPaidParentOrders"));
        assertEquals(0, count(metrics(shop, "2026-05-10", "2026-05-11"), "orderedAndPaidParentOrders"));

        // an update older than the stored one arrives after it: ignored, figures unchanged
        order("LATE-1", "lb", "PC").created("2026-05-09T17:00:00Z").paid("2026-05-09T18:00:00Z")
                .line("P1", 2, "30.00").put(shop);
        assertEquals(0, count(metrics(shop, "2026-05-10", "2026-05-10"), "paidParentOrders"));
        assertEquals(1, count(metrics(shop, "2026-05-12", "2026-05-12"), "paidParentOrders"));
    }

    @Test
    void anOrderPaidThenShippedByCommands() {
        String shop = "figures-commands";
        order("CMD-1", "cb", "TAOBAO_APP").created("2026-05-09T17:00:00Z").line("P1", 1, "50.00").put(shop);
        JsonPath placed = metrics(shop, "2026-05-10", "2026-05-11");
        assertEquals(1, count(placed, "orderedParentOrders"));
        assertEquals(0, count(placed, "paidParentOrders"));
        assertEquals(0, count(placed, "shippedParentOrders"));

        as(shop, "erp").body("{\"at\":\"2026-05-10T02:00:00Z\"}").post("/shops/{s}/orders/{o}/pay", shop, "CMD-1")
                .then().statusCode(200);
        JsonPath paid = metrics(shop, "2026-05-10", "2026-05-11");
        assertEquals(1, count(paid, "paidParentOrders"));
        assertEquals(1, count(paid, "wirelessPaidBuyers"));
        assertEquals(1, count(paid, "orderedAndPaidBuyers"));
        assertEquals(0, count(paid, "shippedParentOrders"));

        as(shop, "erp").body("{\"at\":\"2026-05-11T03:00:00Z\"}").post("/shops/{s}/orders/{o}/ship", shop, "CMD-1")
                .then().statusCode(200);
        assertEquals(0, count(metrics(shop, "2026-05-10", "2026-05-10"), "shippedParentOrders"));
        JsonPath shipped = metrics(shop, "2026-05-11", "2026-05-11");
        assertEquals(1, count(shipped, "shippedParentOrders"));
        assertEquals(0, count(shipped, "paidParentOrders"));
    }

    @Test
    void theSameOrderSyncedTwiceCountsOnce() {
        String shop = "figures-twice";
        String body = "[" + order("TW-1", "tb", "WAP").created("2026-05-09T17:00:00Z").paid("2026-05-09T17:05:00Z")
                .line("P1", 1, "10.00").json() + "]";
        as(shop, "erp").body(body).post("/shops/{s}/orders/sync", shop).then().statusCode(200);
        assertEquals(1, count(metrics(shop, "2026-05-10", "2026-05-10"), "paidParentOrders"));
        as(shop, "erp").body(body).post("/shops/{s}/orders/sync", shop).then().statusCode(200);
        // and twice in one batch, the second a later update moving it to another buyer
        String moved = order("TW-1", "tb2", "WAP").created("2026-05-09T17:00:00Z").paid("2026-05-09T17:05:00Z")
                .modified("2026-05-09T18:00:00Z").line("P1", 1, "10.00").json();
        as(shop, "erp").body("[" + moved + "," + moved + "]").post("/shops/{s}/orders/sync", shop).then()
                .statusCode(200);
        JsonPath m = metrics(shop, "2026-05-10", "2026-05-10");
        assertEquals(1, count(m, "paidParentOrders"));
        assertEquals(1, count(m, "paidBuyers"));
        assertEquals(10.0, m.getDouble("metrics.paidAmount"), 0.001);
        // the buyer's set moved: a payment of the old buyer next day is not a returning one
        order("TW-2", "tb", "WAP").created("2026-05-10T17:00:00Z").paid("2026-05-10T17:05:00Z")
                .line("P1", 1, "10.00").put(shop);
        JsonPath next = metrics(shop, "2026-05-11", "2026-05-11");
        assertEquals(1, count(next, "newBuyers"));
        assertEquals(0, count(next, "wirelessPaidReturningBuyers"));
    }

    @Test
    void aReadStraightAfterEachWriteOfABatchSync() {
        String shop = "figures-batch";
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            batch.append(i == 0 ? "" : ",").append(order("BS-" + i, "bb-" + (i % 20), i % 2 == 0 ? "PC" : "TMALL_APP")
                    .created("2026-05-09T17:00:00Z").paid("2026-05-09T17:0" + (i % 10) + ":00Z")
                    .line("P" + (i % 7), 1, "1.00").json());
        }
        as(shop, "erp").body(batch.append(']').toString()).post("/shops/{s}/orders/sync", shop).then().statusCode(200);
        JsonPath m = metrics(shop, "2026-05-10", "2026-05-10");
        assertEquals(50, count(m, "paidParentOrders"));
        assertEquals(20, count(m, "paidBuyers"));
        assertEquals(7, count(m, "paidProducts"));
        assertEquals(10, count(m, "pcPaidBuyers"));
        assertEquals(10, count(m, "wirelessPaidBuyers"));
        assertEquals(50.0, m.getDouble("metrics.paidAmount"), 0.001);
        as(shop, "analyst").get("/shops/{s}/orders/metrics/daily?from=2026-05-09&to=2026-05-10", shop).then()
                .statusCode(200).body("days[1].metrics.paidParentOrders", equalTo(50))
                .body("days[0].metrics.paidParentOrders", equalTo(0));
    }

    @Test
    void theJobRecomputesMarkedDaysAheadOfTheReads() {
        String shop = "figures-job";
        order("JOB-1", "jb", "PC").created("2026-05-09T17:00:00Z").paid("2026-05-09T17:05:00Z").put(shop);
        assertTrue(dayFigures.refreshAll() > 0, "the write's days are marked");
        assertEquals(0, dayFigures.refresh(shop));
        as(shop, "analyst").get("/shops/{s}/orders/metrics?from=2026-05-10&to=2026-05-10", shop).then()
                .statusCode(200).body("metrics.paidParentOrders", equalTo(1))
                .body("metrics.paidAmount", greaterThan(0f));
    }
}
