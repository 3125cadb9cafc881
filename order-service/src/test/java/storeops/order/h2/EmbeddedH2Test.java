package storeops.order.h2;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static storeops.order.fixtures.OrderFixtures.as;
import static storeops.order.fixtures.OrderFixtures.order;
import static storeops.order.fixtures.OrderFixtures.refund;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import storeops.testing.Tokens;

/**
 * The main paths on the embedded demo's database (H2 in MySQL mode): the migrations and every
 * native statement must run there as on MySQL and MariaDB.
 */
@QuarkusTest
@TestProfile(H2Profile.class)
class EmbeddedH2Test {

    private static final String SHOP = "h2-shop";

    @Test
    void theTradeRefundsJoinsAndReconciliationRunOnH2() {
        // a batch sync (JDBC batch inserts), then a replay changing nothing
        String batch = "[" + String.join(",",
                withNo(order("h2a").createdAt("2026-03-10T01:00:00Z").paidAt("2026-03-10T01:05:00Z").line(1, "100.00")
                        .line(2, "20.00").json(), "H2-1"),
                withNo(order("h2b").createdAt("2026-03-10T02:00:00Z").paidAt(null).status("WAIT_BUYER_PAY")
                        .line(1, "30.00").json(), "H2-2")) + "]";
        as(SHOP, "erp").body(batch).post("/shops/{s}/orders/sync", SHOP).then().statusCode(200)
                .body("results.outcome", contains("CREATED", "CREATED"));
        as(SHOP, "erp").body(batch).post("/shops/{s}/orders/sync", SHOP).then().statusCode(200)
                .body("results.outcome", contains("UNCHANGED", "UNCHANGED"));
        // commands: pay the unpaid one, ship the first
        as(SHOP, "erp").body("{\"at\":\"2026-03-10T03:00:00Z\"}").post("/shops/{s}/orders/{o}/pay", SHOP, "H2-2").then()
                .statusCode(200).body("status", equalTo("WAIT_SELLER_SEND_GOODS"));
        as(SHOP, "erp").body("{\"at\":\"2026-03-10T04:00:00Z\"}").post("/shops/{s}/orders/{o}/ship", SHOP, "H2-1").then()
                .statusCode(200).body("status", equalTo("WAIT_BUYER_CONFIRM_GOODS"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}/history", SHOP, "H2-1").then().statusCode(200);

        // a refund reserves against the line's payment (INSERT IGNORE, conditional UPDATE)
        as(SHOP, "erp").body(refund("H2-1", 2, "20.00", "REFUND_ONLY", "OTHER", null, "2026-03-10T05:00:00Z",
                "2026-03-10T05:00:00Z")).put("/shops/{s}/refunds/{r}", SHOP, "H2-R1").then().statusCode(200)
                .body("outcome", equalTo("CREATED"));
        as(SHOP, "erp").body(refund("H2-1", 2, "0.01", "REFUND_ONLY", "OTHER", null, "2026-03-10T05:10:00Z",
                "2026-03-10T05:10:00Z")).put("/shops/{s}/refunds/{r}", SHOP, "H2-R2").then().statusCode(409);
        as(SHOP, "erp").body("{\"at\":\"2026-03-10T06:00:00Z\"}").post("/shops/{s}/refunds/{r}/agree", SHOP, "H2-R1")
                .then().statusCode(200).body("status", equalTo("SUCCESS"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}/refunds", SHOP, "H2-1").then().statusCode(200)
                .body("refundedAmount", equalTo(20.0f));

        // metrics (Asia/Shanghai: both orders on 2026-03-10)
        as(SHOP, "analyst").get("/shops/{s}/orders/metrics?from=2026-03-10&to=2026-03-10", SHOP).then().statusCode(200)
                .body("metrics.paidParentOrders", equalTo(2)).body("metrics.paidAmount", equalTo(150.0f))
                .body("metrics.paidBuyers", equalTo(2)).body("metrics.newBuyers", equalTo(2))
                .body("metrics.orderedParentOrders", equalTo(2)).body("metrics.shippedParentOrders", equalTo(1))
                .body("metrics.inSaleRefundRequestedAmount", equalTo(20.0f));
        as(SHOP, "analyst").get("/shops/{s}/orders/metrics/daily?from=2026-03-09&to=2026-03-10", SHOP).then()
                .statusCode(200).body("days", hasSize(2));

        // the gateway's joins
        as(SHOP, "analyst").body(Map.of("from", "2026-03-10", "to", "2026-03-10"))
                .post("/shops/{s}/orders/buyer-sets", SHOP).then().statusCode(200)
                .body("orderBuyers", contains("h2a", "h2b")).body("paidOrderBuyerCount", equalTo(2));
        as(SHOP, "analyst").body(Map.of("from", "2026-03-10", "to", "2026-03-10", "buyerIds", List.of("h2b")))
                .post("/shops/{s}/orders/buyer-orders", SHOP).then().statusCode(200).body("orders.orderNo", contains("H2-2"));
        as(SHOP, "analyst").get("/shops/{s}/orders/paid?from=2026-03-10&to=2026-03-10", SHOP).then().statusCode(200)
                .body("orderNos", contains("H2-1", "H2-2"));
        as(SHOP, "analyst").get("/shops/{s}/orders/shipping-risks?withinHours=24", SHOP).then().statusCode(200)
                .body("orders.orderNo", contains("H2-2"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}/late-shipment", SHOP, "H2-2").then().statusCode(200);

        // reconciliation of a tiny export: one match, one missing here, ours H2-2 missing there
        String export = "订单编号,买家会员名,订单状态,买家实际支付金额,订单创建时间,订单付款时间\r\n"
                + "H2-1,h2a,WAIT_BUYER_CONFIRM_GOODS,120.00,2026-03-10 09:00:00,2026-03-10 09:05:00\r\n"
                + "H2-X,h2x,交易成功,9.00,2026-03-10 10:30:00,2026-03-10 10:35:00\r\n";
        given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "erp"))).contentType("text/csv")
                .body(export.getBytes(StandardCharsets.UTF_8)).post("/shops/{s}/orders/reconciliation", SHOP).then()
                .statusCode(200).body("validRows", equalTo(2)).body("matched", equalTo(1))
                .body("missingHere.items.orderNo", contains("H2-X")).body("missingThere.items.orderNo", contains("H2-2"));
    }

    private static String withNo(String json, String orderNo) {
        return "{\"orderNo\":\"" + orderNo + "\"," + json.substring(1);
    }
}
