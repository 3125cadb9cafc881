package storeops.order;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static storeops.order.TestOrders.as;
import static storeops.order.TestOrders.order;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ERP sync: batches, idempotence, stale updates, forbidden transitions rejected alone, increments. */
@QuarkusTest
class OrderSyncTest {

    private static final String SHOP = "sync-shop";

    private static String batch(String... orders) {
        return "[" + String.join(",", orders) + "]";
    }

    private static JsonPath state(String orderNo) {
        return as(SHOP, "operator").get("/shops/{s}/orders/{o}", SHOP, orderNo).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aBatchAppliesWhatItCanAndRejectsTheRestAloneWithIndexAndReason() {
        order("Y-1", "b1", "PC").created("2026-05-01T01:00:00Z").paid("2026-05-01T02:00:00Z")
                .set("shippedAt", "2026-05-01T05:00:00Z").status("WAIT_BUYER_CONFIRM_GOODS")
                .modified("2026-05-01T05:00:00Z").put(SHOP);
        String body = batch(
                // 0: new
                order("Y-2", "b2", "WAP").created("2026-05-01T01:00:00Z").json(),
                // 1: shipped back to unpaid: the lifecycle forbids it
                order("Y-1", "b1", "PC").created("2026-05-01T01:00:00Z").modified("2026-05-02T00:00:00Z").json(),
                // 2: an unknown terminal
                order("Y-3", "b3", "FRIDGE").created("2026-05-01T01:00:00Z").json(),
                // 3: a negative quantity
                order("Y-4", "b4", "PC").created("2026-05-01T01:00:00Z").line("P1", -1, "1.00").json(),
                // 4: paid status without paidAt
                order("Y-5", "b5", "PC").created("2026-05-01T01:00:00Z").status("WAIT_SELLER_SEND_GOODS").json(),
                // 5: fine, jumps straight to finished (the ERP missed the states between)
                order("Y-6", "b6", "TAOBAO_APP").created("2026-05-01T01:00:00Z").paid("2026-05-01T01:30:00Z")
                        .status("TRADE_FINISHED").modified("2026-05-09T00:00:00Z").json(),
                // 6: no order number
                order(null, "b7", "PC").created("2026-05-01T01:00:00Z").json());
        as(SHOP, "erp").body(body).post("/shops/{s}/orders/sync", SHOP).then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", equalTo(5))
                .body("results.outcome", equalTo(List.of("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
                        "CREATED", "REJECTED")))
                .body("results.index", equalTo(List.of(0, 1, 2, 3, 4, 5, 6)))
                .body("results[1].detail", containsString("WAIT_BUYER_CONFIRM_GOODS"))
                .body("results[1].detail", containsString("sync to WAIT_BUYER_PAY"))
                .body("results[2].detail", containsString("terminal"))
                .body("results[3].detail", containsString("quantity"))
                .body("results[4].detail", containsString("paidAt"))
                .body("results[6].detail", containsString("orderNo"));
        assertEquals("WAIT_BUYER_CONFIRM_GOODS", state("Y-1").getString("status"));
        assertEquals("TRADE_FINISHED", state("Y-6").getString("status"));
        as(SHOP, "operator").get("/shops/{s}/orders/{o}", SHOP, "Y-3").then().statusCode(404);
        // one PUT that the lifecycle forbids is a 409 problem
        as(SHOP, "erp").body(order("Y-1", "b1", "PC").created("2026-05-01T01:00:00Z").modified("2026-05-03T00:00:00Z")
                .json()).put("/shops/{s}/orders/{o}", SHOP, "Y-1").then().statusCode(409);
    }

    @Test
    void replayingABatchChangesNothingAndAStaleUpdateIsIgnored() {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(order("R-" + i, "rb" + i, i % 2 == 0 ? "PC" : "WAP").created("2026-05-02T01:00:00Z")
                    .paid("2026-05-02T01:0" + (i % 10) + ":00Z").line("P" + i, 2, "12.50").line("Q", 1, "3.00").json());
        }
        String body = batch(orders.toArray(String[]::new));
        as(SHOP, "erp").body(body).post("/shops/{s}/orders/sync", SHOP).then().statusCode(200).body("created", equalTo(20));
        JsonPath before = state("R-7");
        List<Object> historyBefore = as(SHOP, "erp").get("/shops/{s}/orders/{o}/history", SHOP, "R-7").then()
                .extract().jsonPath().getList("$");
        as(SHOP, "erp").body(body).post("/shops/{s}/orders/sync", SHOP).then().statusCode(200)
                .body("unchanged", equalTo(20)).body("created", equalTo(0)).body("updated", equalTo(0));
        JsonPath after = state("R-7");
        assertEquals(before.getLong("version"), after.getLong("version"));
        assertEquals(before.getString("modifiedAt"), after.getString("modifiedAt"));
        assertEquals(historyBefore, as(SHOP, "erp").get("/shops/{s}/orders/{o}/history", SHOP, "R-7").then().extract()
                .jsonPath().getList("$"));
        // goods amount = the lines' payment: 12.50 + 3.00
        assertEquals(15.5f, after.getFloat("goodsAmount"));

        // an older update (earlier modifiedAt) is ignored and says so, even in a batch
        String older = order("R-7", "rb7", "WAP").created("2026-05-02T01:00:00Z").modified("2026-05-02T01:01:00Z").json();
        as(SHOP, "erp").body(batch(older)).post("/shops/{s}/orders/sync", SHOP).then().statusCode(200)
                .body("stale", equalTo(1)).body("results[0].detail", containsString("older"));
        assertEquals(before.getLong("version"), state("R-7").getLong("version"));
        assertEquals("WAIT_SELLER_SEND_GOODS", state("R-7").getString("status"));

        // a newer one applies, and a status change adds one history row by ERP_SYNC
        String newer = order("R-7", "rb7", "WAP").created("2026-05-02T01:00:00Z").paid("2026-05-02T01:07:00Z")
                .set("shippedAt", "2026-05-03T00:00:00Z").status("WAIT_BUYER_CONFIRM_GOODS")
                .modified("2026-05-03T00:00:00Z").line("P7", 2, "12.50").json();
        as(SHOP, "erp").body(batch(newer)).post("/shops/{s}/orders/sync", SHOP).then().statusCode(200)
                .body("updated", equalTo(1));
        assertEquals("2026-05-13T00:00:00Z", state("R-7").getString("receiptDeadline"));
        assertEquals(12.5f, state("R-7").getFloat("goodsAmount"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}/history", SHOP, "R-7").then()
                .body("$", hasSize(historyBefore.size() + 1)).body("[-1].actor", equalTo("ERP_SYNC"));
    }

    @Test
    void badBatchesStoreNothing() {
        as(SHOP, "erp").body("{\"orderNo\":\"X\"}").post("/shops/{s}/orders/sync", SHOP).then().statusCode(400);
        as(SHOP, "erp").body("[1, 2]").post("/shops/{s}/orders/sync", SHOP).then().statusCode(400);
        as(SHOP, "erp").body("[{").post("/shops/{s}/orders/sync", SHOP).then().statusCode(400);
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; i <= 5_000; i++) {
            big.append(i == 0 ? "" : ",").append("{\"orderNo\":\"BIG-").append(i).append("\"}");
        }
        as(SHOP, "erp").body(big.append("]").toString()).post("/shops/{s}/orders/sync", SHOP).then().statusCode(400)
                .body("detail", containsString("5000"));
        as(SHOP, "operator").get("/shops/{s}/orders/{o}", SHOP, "BIG-1").then().statusCode(404);
        as(SHOP, "analyst").body("[]").post("/shops/{s}/orders/sync", SHOP).then().statusCode(403);
    }

    @Test
    void anErpPullsIncrementsByModificationTime() {
        String shop = "sync-pull-shop";
        order("M-1", "m1", "PC").created("2026-05-03T01:00:00Z").put(shop);
        order("M-2", "m2", "PC").created("2026-05-03T02:00:00Z").put(shop);
        order("M-3", "m3", "PC").created("2026-05-03T03:00:00Z").put(shop);
        // a command makes an order news again
        as(shop, "erp").body("{\"at\":\"2026-05-03T04:00:00Z\"}").post("/shops/{s}/orders/{o}/pay", shop, "M-1").then()
                .statusCode(200);
        as(shop, "erp").get("/shops/{s}/orders?modifiedSince=2026-05-03T02:00:00Z&page=0&size=2", shop).then()
                .statusCode(200).body("orders.orderNo", equalTo(List.of("M-2", "M-3")));
        as(shop, "erp").get("/shops/{s}/orders?modifiedSince=2026-05-03T02:00:00Z&page=1&size=2", shop).then()
                .body("orders.orderNo", equalTo(List.of("M-1")));
        // 02:00 in Shanghai is 18:00 UTC the day before: all three
        as(shop, "erp").queryParam("modifiedSince", "2026-05-03T02:00:00+08:00").get("/shops/{s}/orders", shop).then()
                .body("orders.orderNo", equalTo(List.of("M-2", "M-3", "M-1")));
        as(shop, "erp").get("/shops/{s}/orders?modifiedSince=yesterday", shop).then().statusCode(400);
        as(shop, "erp").get("/shops/{s}/orders?size=501", shop).then().statusCode(400);
    }
}
