package storeops.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static storeops.order.TestOrders.as;
import static storeops.order.TestOrders.order;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import storeops.testing.Tokens;

/** The lifecycle over HTTP: commands, 409s, history, concurrency, buyer data per role. */
@QuarkusTest
class OrderLifecycleTest {

    private static final String SHOP = "lifecycle-shop";

    private static String at(String instant) {
        return "{\"at\":\"" + instant + "\"}";
    }

    @Test
    void aTradeGoesFromPlacedToFinishedWithOneHistoryRowPerChange() {
        order("L-1", "b1", "PC").created("2026-04-01T01:00:00Z").line("P1", 1, "20.00").put(SHOP);
        as(SHOP, "erp").body(at("2026-04-01T02:00:00Z")).post("/shops/{s}/orders/{o}/pay", SHOP, "L-1").then()
                .statusCode(200).body("status", equalTo("WAIT_SELLER_SEND_GOODS"))
                .body("paidAt", equalTo("2026-04-01T02:00:00Z"));
        as(SHOP, "erp").body(at("2026-04-02T02:00:00Z")).post("/shops/{s}/orders/{o}/ship", SHOP, "L-1").then()
                .statusCode(200).body("status", equalTo("WAIT_BUYER_CONFIRM_GOODS"))
                .body("receiptDeadline", equalTo("2026-04-12T02:00:00Z"));
        as(SHOP, "erp").body("{\"at\":\"2026-04-03T00:00:00Z\",\"by\":\"SELLER\",\"days\":5}")
                .post("/shops/{s}/orders/{o}/extend-receipt", SHOP, "L-1").then().statusCode(200)
                .body("receiptDeadline", equalTo("2026-04-17T02:00:00Z"));
        as(SHOP, "erp").body(at("2026-04-05T00:00:00Z")).post("/shops/{s}/orders/{o}/confirm", SHOP, "L-1").then()
                .statusCode(200).body("status", equalTo("TRADE_FINISHED"));
        // a finished trade refuses everything, with the state and the event in the problem
        for (String command : List.of("pay", "ship", "confirm", "close", "sign", "pay-deposit", "cancel", "confirm-cod")) {
            as(SHOP, "erp").body("{}").post("/shops/{s}/orders/{o}/" + command, SHOP, "L-1").then().statusCode(409)
                    .contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("TRADE_FINISHED")).body("detail", containsString(command));
        }
        as(SHOP, "erp").get("/shops/{s}/orders/{o}/history", SHOP, "L-1").then().statusCode(200)
                .body("event", equalTo(List.of("place", "pay", "ship", "extend-receipt", "confirm")))
                .body("actor", equalTo(List.of("ERP_SYNC", "BUYER", "SELLER", "SELLER", "BUYER")))
                .body("[1].from", equalTo("WAIT_BUYER_PAY")).body("[1].to", equalTo("WAIT_SELLER_SEND_GOODS"))
                .body("[4].at", equalTo("2026-04-05T00:00:00Z"));
    }

    @Test
    void forbiddenCommandsAnswer409AndChangeNothing() {
        order("L-2", "b2", "WAP").created("2026-04-01T01:00:00Z").put(SHOP);
        // unpaid: cannot ship, confirm, sign or extend
        for (String command : List.of("ship", "confirm", "sign", "confirm-cod", "pay-deposit")) {
            as(SHOP, "erp").body("{}").post("/shops/{s}/orders/{o}/" + command, SHOP, "L-2").then().statusCode(409)
                    .body("detail", containsString("WAIT_BUYER_PAY"));
        }
        as(SHOP, "erp").body("{\"days\":3}").post("/shops/{s}/orders/{o}/extend-receipt", SHOP, "L-2").then()
                .statusCode(409);
        as(SHOP, "erp").body("{\"at\":\"2026-04-01T03:00:00Z\",\"reason\":\"buyer asked\"}")
                .post("/shops/{s}/orders/{o}/close", SHOP, "L-2").then().statusCode(200)
                .body("status", equalTo("TRADE_CLOSED_BY_TAOBAO"));
        // closed before payment: never pays nor ships
        as(SHOP, "erp").body("{}").post("/shops/{s}/orders/{o}/pay", SHOP, "L-2").then().statusCode(409);
        as(SHOP, "erp").body("{}").post("/shops/{s}/orders/{o}/ship", SHOP, "L-2").then().statusCode(409);
        as(SHOP, "erp").get("/shops/{s}/orders/{o}/history", SHOP, "L-2").then().body("$", hasSize(2))
                .body("[1].reason", equalTo("buyer asked"));
        as(SHOP, "erp").body("{}").post("/shops/{s}/orders/{o}/pay", SHOP, "NOPE").then().statusCode(404);
        // the seller's extension days are 3, 5, 7 or 10
        order("L-2b", "b2", "WAP").created("2026-04-01T01:00:00Z").paid("2026-04-01T01:10:00Z").put(SHOP);
        as(SHOP, "erp").body(at("2026-04-01T05:00:00Z")).post("/shops/{s}/orders/{o}/ship", SHOP, "L-2b").then()
                .statusCode(200);
        as(SHOP, "erp").body("{\"by\":\"SELLER\",\"days\":4,\"at\":\"2026-04-02T00:00:00Z\"}")
                .post("/shops/{s}/orders/{o}/extend-receipt", SHOP, "L-2b").then().statusCode(400);
    }

    @Test
    void presaleAndCashOnDeliveryFollowTheirOwnPaths() {
        order("L-3", "b3", "TMALL_APP").created("2026-04-01T01:00:00Z").set("presale", true).put(SHOP);
        as(SHOP, "erp").body("{}").post("/shops/{s}/orders/{o}/pay", SHOP, "L-3").then().statusCode(409);
        as(SHOP, "erp").body(at("2026-04-01T02:00:00Z")).post("/shops/{s}/orders/{o}/pay-deposit", SHOP, "L-3").then()
                .statusCode(200).body("status", equalTo("PAID_FORBID_CONSIGN")).body("paidAt", nullValue());
        as(SHOP, "erp").body("{}").post("/shops/{s}/orders/{o}/ship", SHOP, "L-3").then().statusCode(409);
        as(SHOP, "erp").body(at("2026-04-10T02:00:00Z")).post("/shops/{s}/orders/{o}/pay", SHOP, "L-3").then()
                .statusCode(200).body("status", equalTo("WAIT_SELLER_SEND_GOODS"))
                .body("paidAt", equalTo("2026-04-10T02:00:00Z")).body("depositPaidAt", equalTo("2026-04-01T02:00:00Z"));

        order("L-4", "b4", "PC").created("2026-04-01T01:00:00Z").set("cod", true).line("P1", 1, "5.00")
                .line("P2", 2, "6.00").put(SHOP);
        as(SHOP, "erp").body("{}").post("/shops/{s}/orders/{o}/pay", SHOP, "L-4").then().statusCode(409);
        as(SHOP, "erp").body(at("2026-04-01T03:00:00Z")).post("/shops/{s}/orders/{o}/confirm-cod", SHOP, "L-4").then()
                .statusCode(200);
        as(SHOP, "erp").body("{\"at\":\"2026-04-01T04:00:00Z\",\"lineNos\":[2]}")
                .post("/shops/{s}/orders/{o}/ship-part", SHOP, "L-4").then().statusCode(200)
                .body("status", equalTo("SELLER_CONSIGNED_PART"));
        as(SHOP, "erp").body("{\"lineNos\":[2]}").post("/shops/{s}/orders/{o}/ship-part", SHOP, "L-4").then()
                .statusCode(409);
        as(SHOP, "erp").body("{\"lineNos\":[9]}").post("/shops/{s}/orders/{o}/ship-part", SHOP, "L-4").then()
                .statusCode(400);
        as(SHOP, "erp").body(at("2026-04-01T05:00:00Z")).post("/shops/{s}/orders/{o}/ship", SHOP, "L-4").then()
                .statusCode(200).body("status", equalTo("WAIT_BUYER_CONFIRM_GOODS")).body("paidAt", nullValue());
        as(SHOP, "erp").body(at("2026-04-03T05:00:00Z")).post("/shops/{s}/orders/{o}/sign", SHOP, "L-4").then()
                .statusCode(200).body("status", equalTo("TRADE_BUYER_SIGNED"))
                .body("paidAt", equalTo("2026-04-03T05:00:00Z"));
    }

    @Test
    void twoConcurrentShipCommandsLeaveOneWinnerAndOne409() throws Exception {
        for (int round = 0; round < 3; round++) {
            String no = "L-RACE-" + round;
            order(no, "b5", "PC").created("2026-04-01T01:00:00Z").paid("2026-04-01T01:05:00Z").put(SHOP);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return as(SHOP, "erp").body("{}").post("/shops/{s}/orders/{o}/ship", SHOP, no).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
            pool.shutdown();
            Collections.sort(statuses);
            assertEquals(List.of(200, 409), statuses);
            as(SHOP, "erp").get("/shops/{s}/orders/{o}/history", SHOP, no).then()
                    .body("event", equalTo(List.of("place", "ship")));
        }
    }

    @Test
    void contactDataIsInClearOnlyForTheOperator() {
        order("L-6", "b6", "PC").created("2026-04-01T01:00:00Z").set("receiverName", "张三")
                .set("receiverPhone", "13812345678").set("receiverAddress", "浙江省杭州市西湖区文三路 100 号 3 栋").put(SHOP);
        as(SHOP, "operator").get("/shops/{s}/orders/{o}", SHOP, "L-6").then().statusCode(200)
                .body("receiverPhone", equalTo("13812345678"))
                .body("receiverAddress", equalTo("浙江省杭州市西湖区文三路 100 号 3 栋"));
        for (String role : List.of("erp", "agent")) {
            as(SHOP, role).get("/shops/{s}/orders/{o}", SHOP, "L-6").then().statusCode(200)
                    .body("receiverPhone", equalTo("138****5678")).body("receiverAddress", equalTo("浙江省杭州市西湖区****"));
        }
        // lists mask too; an agent lists only the buyer it serves
        as(SHOP, "erp").get("/shops/{s}/orders?modifiedSince=2026-04-01T00:00:00Z&size=500", SHOP).then().statusCode(200)
                .body("orders.find { it.orderNo == 'L-6' }.receiverPhone", equalTo("138****5678"));
        as(SHOP, "agent").get("/shops/{s}/orders", SHOP).then().statusCode(400);
        as(SHOP, "agent").get("/shops/{s}/orders?buyerId=b6", SHOP).then().statusCode(200)
                .body("orders", hasSize(1)).body("orders[0].receiverPhone", equalTo("138****5678"));
        // an analyst never reads orders
        as(SHOP, "analyst").get("/shops/{s}/orders/{o}", SHOP, "L-6").then().statusCode(403);
        as(SHOP, "analyst").get("/shops/{s}/orders?buyerId=b6", SHOP).then().statusCode(403);
    }

    @Test
    void onlyTheOrdersOwnBuyerChangesTheAddressAndOnlyBeforeShipment() {
        order("L-7", "b7", "PC").created("2026-04-01T01:00:00Z").paid("2026-04-01T01:05:00Z")
                .set("receiverPhone", "13900000001").set("receiverAddress", "北京市朝阳区旧地址 1 号").put(SHOP);
        String change = "{\"buyerId\":\"%s\",\"receiverName\":\"李四\",\"receiverPhone\":\"13711112222\","
                + "\"receiverAddress\":\"上海市浦东新区新地址 8 号\",\"at\":\"2026-04-01T02:00:00Z\"}";
        // another buyer: refused without a word about the order's receiver
        as(SHOP, "agent").body(change.formatted("someone-else")).post("/shops/{s}/orders/{o}/address", SHOP, "L-7")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("Only the order's own buyer may change its address"));
        as(SHOP, "operator").get("/shops/{s}/orders/{o}", SHOP, "L-7").then()
                .body("receiverPhone", equalTo("13900000001"));
        // the buyer's own request: accepted, and the agent's answer is masked
        as(SHOP, "agent").body(change.formatted("b7")).post("/shops/{s}/orders/{o}/address", SHOP, "L-7").then()
                .statusCode(200).body("receiverPhone", equalTo("137****2222"))
                .body("receiverAddress", equalTo("上海市浦东新区****"));
        as(SHOP, "operator").get("/shops/{s}/orders/{o}", SHOP, "L-7").then()
                .body("receiverPhone", equalTo("13711112222"));
        // after shipment: too late
        as(SHOP, "erp").body("{}").post("/shops/{s}/orders/{o}/ship", SHOP, "L-7").then().statusCode(200);
        as(SHOP, "agent").body(change.formatted("b7")).post("/shops/{s}/orders/{o}/address", SHOP, "L-7").then()
                .statusCode(409);
        // no token, or an analyst: refused
        given().contentType(ContentType.JSON).body(change.formatted("b7"))
                .post("/shops/{s}/orders/{o}/address", SHOP, "L-7").then().statusCode(401);
        as(SHOP, "analyst").body(change.formatted("b7")).post("/shops/{s}/orders/{o}/address", SHOP, "L-7").then()
                .statusCode(403);
    }

    @Test
    void theSellerMemoRemembersWhoAndWhenAndCommandsNeedTheRightRole() {
        order("L-8", "b8", "PC").created("2026-04-01T01:00:00Z").put(SHOP);
        given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "agent"))).contentType(ContentType.JSON)
                .body("{\"flag\":\"RED\",\"note\":\"call before shipping\",\"at\":\"2026-04-01T02:00:00Z\"}")
                .put("/shops/{s}/orders/{o}/memo", SHOP, "L-8").then().statusCode(200)
                .body("memo.flag", equalTo("RED")).body("memo.by", equalTo("test-agent"))
                .body("memo.at", equalTo("2026-04-01T02:00:00Z"));
        as(SHOP, "erp").body("{\"flag\":\"PINK\"}").put("/shops/{s}/orders/{o}/memo", SHOP, "L-8").then()
                .statusCode(400);
        for (String role : List.of("agent", "analyst", "tracker")) {
            as(SHOP, role).body("{}").post("/shops/{s}/orders/{o}/pay", SHOP, "L-8").then().statusCode(403);
        }
        as(SHOP, "operator").body("{}").post("/shops/{s}/orders/{o}/pay", SHOP, "L-8").then().statusCode(200);
    }
}
