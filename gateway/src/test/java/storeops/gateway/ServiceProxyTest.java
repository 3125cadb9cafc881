package storeops.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import storeops.testing.Tokens;

/** One origin: the services' public paths answered through the gateway, with the caller's token and address. */
@QuarkusTest
@WithTestResource(value = ServicesResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@Order(5)
class ServiceProxyTest {

    private static final String SHOP = "gw-proxy";

    private static String order(String buyer, String payment) {
        return """
                {"buyerId":"%s","terminal":"PC","status":"WAIT_SELLER_SEND_GOODS","createdAt":"2026-04-01T02:00:00Z",
                 "paidAt":"2026-04-01T02:01:00Z","modifiedAt":"2026-04-01T02:01:00Z","freight":0.00,
                 "lines":[{"lineNo":1,"productId":"P1","skuId":"S1","quantity":1,"price":%s,"payment":%s}]}"""
                .formatted(buyer, payment, payment);
    }

    @Test
    void aWriteGoesThroughWithTheCallersTokenAndAddress() throws Exception {
        given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "erp")))
                .header("X-Forwarded-For", "203.0.113.7").contentType(ContentType.JSON).body(order("px", "88.00"))
                .put("/shops/{shop}/orders/{no}", SHOP, "PX-1").then().statusCode(200);
        // read back through the gateway and straight from the service: the same order
        given().header("Authorization", Tokens.bearer(Tokens.operator(SHOP))).get("/shops/{shop}/orders/{no}", SHOP, "PX-1")
                .then().statusCode(200).body("buyerId", equalTo("px"));
        given().baseUri(Seed.url("order")).header("Authorization", Tokens.bearer(Tokens.operator(SHOP)))
                .get("/shops/{shop}/orders/{no}", SHOP, "PX-1").then().statusCode(200).body("buyerId", equalTo("px"));
        // the service audited the first address of the chain the gateway passed on
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/storeops_gw_order_test", "root", "");
                PreparedStatement q = c.prepareStatement(
                        "SELECT remote_address, subject FROM audit_log WHERE shop_id = ? AND path LIKE ? ORDER BY id")) {
            q.setString(1, SHOP);
            q.setString(2, "%/orders/PX-1");
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                assertEquals("203.0.113.7", rows.getString(1));
                assertEquals("test-erp", rows.getString(2));
            }
        }
    }

    @Test
    void queriesAndProblemsPassThroughUnchanged() {
        given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "erp"))).contentType(ContentType.JSON)
                .body(order("pq", "12.50")).put("/shops/{shop}/orders/{no}", SHOP, "PQ-1").then().statusCode(200);
        String viaGateway = given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "analyst")))
                .get("/shops/{shop}/orders/metrics?from=2026-04-01&to=2026-04-01", SHOP).then().statusCode(200)
                .extract().asString();
        String direct = given().baseUri(Seed.url("order"))
                .header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "analyst")))
                .get("/shops/{shop}/orders/metrics?from=2026-04-01&to=2026-04-01", SHOP).then().statusCode(200)
                .extract().asString();
        assertEquals(direct, viaGateway);
        given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "erp"))).contentType(ContentType.JSON)
                .body("{not json").put("/shops/{shop}/orders/{no}", SHOP, "PQ-2").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        // the service's own role rules still apply: an analyst may not write orders
        given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "analyst"))).contentType(ContentType.JSON)
                .body(order("pr", "1.00")).put("/shops/{shop}/orders/{no}", SHOP, "PR-1").then().statusCode(403);
    }

    @Test
    void theGatewayRefusesBeforeForwarding() {
        given().contentType(ContentType.JSON).body(order("pz", "1.00")).put("/shops/{shop}/orders/{no}", SHOP, "PZ-1")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().header("Authorization", Tokens.bearer(Tokens.forShop("other", "erp"))).contentType(ContentType.JSON)
                .body(order("pz", "1.00")).put("/shops/{shop}/orders/{no}", SHOP, "PZ-1").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.badlySigned(SHOP, "erp"))).get("/shops/{shop}/orders/x", SHOP)
                .then().statusCode(401);
    }

    @Test
    void trafficEventsAndDeskWritesAreForwardedToTheirServices() {
        given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "tracker"))).contentType(ContentType.JSON)
                .body("[" + Seed.view("pv", "2026-04-01T03:00:00Z", "PC", "HOME", "DIRECT") + "]")
                .post("/shops/{shop}/traffic/events", SHOP).then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "analyst")))
                .get("/shops/{shop}/traffic/metrics?from=2026-04-01&to=2026-04-01", SHOP).then().statusCode(200)
                .body("metrics.visitors", equalTo(1));
        given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "agent"))).contentType(ContentType.JSON)
                .body("{\"buyerId\":\"pv\",\"agentId\":\"a9\",\"startedAt\":\"2026-04-01T03:05:00Z\",\"messages\":"
                        + "[{\"sender\":\"BUYER\",\"sentAt\":\"2026-04-01T03:05:00Z\",\"text\":\"hi\"}]}")
                .put("/shops/{shop}/conversations/{id}", SHOP, "PC-1").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "analyst")))
                .get("/shops/{shop}/desk/metrics?from=2026-04-01&to=2026-04-01", SHOP).then().statusCode(200)
                .body("metrics.receivedBuyers", equalTo(1));
    }

    @Test
    void theSwaggerUiOffersTheFourSpecsAndCorsIsAnswered() {
        for (String service : new String[] {"traffic", "order", "desk"}) {
            given().get("/specs/{service}", service).then().statusCode(200).body("openapi", notNullValue());
        }
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", notNullValue());
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "GET")
                .options("/shops/{shop}/kpi/overview", SHOP).then()
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"));
    }
}
