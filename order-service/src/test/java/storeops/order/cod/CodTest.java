package storeops.order.cod;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static storeops.order.fixtures.OrderFixtures.as;
import static storeops.order.fixtures.OrderFixtures.order;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Cash on delivery: mainland only, confirmed with the buyer before it ships, TRADE_BUYER_SIGNED on signing. */
@QuarkusTest
class CodTest {

    private static final String SHOP = "cod-shop";

    private static void codOrder(String orderNo) {
        order("cb").cod().status("WAIT_BUYER_PAY").paidAt(null).put(SHOP, orderNo);
    }

    @Test
    void notForHongKongMacauTaiwanOrAbroad() {
        codOrder("COD-1");
        as(SHOP, "erp").body("{\"country\":\"HK\",\"region\":\"Kowloon\"}").put("/shops/{s}/orders/{o}/cod", SHOP, "COD-1")
                .then().statusCode(400).body("errors.field", hasItem("country"))
                .body("detail", containsString("Hong Kong, Macau or Taiwan"));
        as(SHOP, "erp").body("{\"region\":\"台湾省\"}").put("/shops/{s}/orders/{o}/cod", SHOP, "COD-1")
                .then().statusCode(400).body("errors.field", hasItem("region"));
        as(SHOP, "erp").body("{\"country\":\"CN\",\"region\":\"澳门特别行政区\"}").put("/shops/{s}/orders/{o}/cod", SHOP, "COD-1")
                .then().statusCode(400);
        as(SHOP, "erp").body("{\"country\":\"US\",\"region\":\"California\"}").put("/shops/{s}/orders/{o}/cod", SHOP, "COD-1")
                .then().statusCode(400).body("detail", containsString("abroad"));
        // nothing was stored: it cannot be confirmed
        as(SHOP, "erp").body("{}").post("/shops/{s}/orders/{o}/cod/confirm", SHOP, "COD-1").then().statusCode(409);
    }

    @Test
    void confirmedWithTheBuyerBeforeItShipsAndSignedForAtTheDoor() {
        codOrder("COD-2");
        as(SHOP, "erp").body("{\"country\":\"CN\",\"region\":\"浙江省\"}").put("/shops/{s}/orders/{o}/cod", SHOP, "COD-2")
                .then().statusCode(200).body("status", equalTo("AWAITING_CONFIRMATION")).body("mayShip", equalTo(false));
        as(SHOP, "erp").body("{\"at\":\"2026-03-01T02:00:00Z\"}").post("/shops/{s}/orders/{o}/ship", SHOP, "COD-2").then()
                .statusCode(409);
        as(SHOP, "operator").body("{\"at\":\"2026-03-01T01:00:00Z\",\"note\":\"phoned the buyer\"}")
                .post("/shops/{s}/orders/{o}/cod/confirm", SHOP, "COD-2").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("mayShip", equalTo(true))
                .body("orderStatus", equalTo("WAIT_SELLER_SEND_GOODS")).body("confirmedBy", equalTo("test-operator"));
        as(SHOP, "operator").body("{}").post("/shops/{s}/orders/{o}/cod/confirm", SHOP, "COD-2").then().statusCode(409);
        as(SHOP, "erp").body("{\"at\":\"2026-03-01T02:00:00Z\"}").post("/shops/{s}/orders/{o}/ship", SHOP, "COD-2").then()
                .statusCode(200).body("status", equalTo("WAIT_BUYER_CONFIRM_GOODS"));
        as(SHOP, "erp").body("{\"at\":\"2026-03-03T02:00:00Z\"}").post("/shops/{s}/orders/{o}/sign", SHOP, "COD-2").then()
                .statusCode(200).body("status", equalTo("TRADE_BUYER_SIGNED")).body("paidAt", equalTo("2026-03-03T02:00:00Z"));
        // the seven days of a no-reason return start at the signing
        as(SHOP, "agent").get("/shops/{s}/orders/{o}/return-eligibility?at=2026-03-10T02:00:00Z", SHOP, "COD-2").then()
                .statusCode(200).body("signedAt", equalTo("2026-03-03T02:00:00Z")).body("eligible", equalTo(true));
        // after shipping, the destination stays
        as(SHOP, "erp").body("{\"region\":\"江苏省\"}").put("/shops/{s}/orders/{o}/cod", SHOP, "COD-2").then().statusCode(409);
    }

    @Test
    void onlyCashOnDeliveryOrders() {
        order("nb").put(SHOP, "COD-3");
        as(SHOP, "erp").body("{\"region\":\"浙江省\"}").put("/shops/{s}/orders/{o}/cod", SHOP, "COD-3").then().statusCode(409);
        as(SHOP, "erp").body("{\"region\":\"浙江省\"}").put("/shops/{s}/orders/{o}/cod", SHOP, "NOPE").then().statusCode(404);
        as(SHOP, "agent").get("/shops/{s}/orders/{o}/cod", SHOP, "COD-3").then().statusCode(409);
        as(SHOP, "agent").body("{\"region\":\"浙江省\"}").put("/shops/{s}/orders/{o}/cod", SHOP, "COD-3").then().statusCode(403);
    }
}
