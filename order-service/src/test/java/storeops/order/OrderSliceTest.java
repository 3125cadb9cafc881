package storeops.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import storeops.testing.Tokens;

@QuarkusTest
class OrderSliceTest {

    private static final String SHOP = "slice-shop";

    private static RequestSpecification asErp() {
        return given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "erp", "analyst")))
                .contentType(ContentType.JSON);
    }

    private static String order(String buyer, String terminal, String status, String createdAt, String paidAt,
            String modifiedAt, String payment) {
        return """
                {"buyerId":"%s","terminal":"%s","status":"%s","createdAt":"%s","paidAt":%s,"modifiedAt":"%s",
                 "freight":"8.00","lines":[{"lineNo":1,"productId":"P1","skuId":"S1","quantity":2,"price":"60.00","payment":"%s"}]}
                """.formatted(buyer, terminal, status, createdAt, paidAt == null ? "null" : "\"" + paidAt + "\"",
                modifiedAt, payment);
    }

    @Test
    void paidAmountAndPaidBuyersCountNaturalDaysInShanghai() {
        // paid 2026-03-01 23:59:59.500 +08:00: inside 2026-03-01
        asErp().body(order("b1", "PC", "WAIT_SELLER_SEND_GOODS", "2026-03-01T15:00:00Z", "2026-03-01T15:59:59.500Z",
                "2026-03-01T16:00:00Z", "100.50")).put("/shops/{s}/orders/{o}", SHOP, "S-1").then().statusCode(200);
        // paid 2026-03-02 00:00:00 +08:00: the next natural day
        asErp().body(order("b2", "TMALL_APP", "WAIT_SELLER_SEND_GOODS", "2026-03-01T15:30:00Z", "2026-03-01T16:00:00Z",
                "2026-03-01T16:00:00Z", "30.00")).put("/shops/{s}/orders/{o}", SHOP, "S-2").then().statusCode(200);
        // unpaid: no part of paid metrics
        asErp().body(order("b3", "PC", "WAIT_BUYER_PAY", "2026-03-01T10:00:00Z", null,
                "2026-03-01T10:00:00Z", "999.00")).put("/shops/{s}/orders/{o}", SHOP, "S-3").then().statusCode(200);

        asErp().get("/shops/{s}/orders/metrics?from=2026-03-01&to=2026-03-01", SHOP).then().statusCode(200)
                .body("metrics.paidAmount", equalTo(100.50f)).body("metrics.paidBuyers", equalTo(1));
        asErp().get("/shops/{s}/orders/metrics?from=2026-03-01&to=2026-03-02", SHOP).then().statusCode(200)
                .body("metrics.paidAmount", equalTo(130.50f)).body("metrics.paidBuyers", equalTo(2));
    }

    @Test
    void anInstantWithMillisecondsReadsBackExactly() {
        asErp().body(order("ms", "WAP", "WAIT_SELLER_SEND_GOODS", "2026-03-05T01:02:03.456Z", "2026-03-05T01:02:04.789Z",
                "2026-03-05T01:02:05.001Z", "10.00")).put("/shops/{s}/orders/{o}", SHOP, "MS-1").then().statusCode(200);
        asErp().get("/shops/{s}/orders/{o}", SHOP, "MS-1").then().statusCode(200)
                .body("createdAt", equalTo("2026-03-05T01:02:03.456Z"))
                .body("paidAt", equalTo("2026-03-05T01:02:04.789Z"))
                .body("modifiedAt", equalTo("2026-03-05T01:02:05.001Z"));
    }

    @Test
    void aReplayChangesNothingAndAnOlderUpdateIsIgnored() {
        String v2 = order("r1", "PC", "WAIT_SELLER_SEND_GOODS", "2026-03-06T01:00:00Z", "2026-03-06T02:00:00Z",
                "2026-03-06T02:00:00Z", "50.00");
        asErp().body(v2).put("/shops/{s}/orders/{o}", SHOP, "R-1").then().statusCode(200).body("outcome", equalTo("CREATED"));
        asErp().body(v2).put("/shops/{s}/orders/{o}", SHOP, "R-1").then().statusCode(200).body("outcome", equalTo("UNCHANGED"));
        String v1 = order("r1", "PC", "WAIT_BUYER_PAY", "2026-03-06T01:00:00Z", null, "2026-03-06T01:00:00Z", "50.00");
        asErp().body(v1).put("/shops/{s}/orders/{o}", SHOP, "R-1").then().statusCode(200).body("outcome", equalTo("STALE"));
        asErp().get("/shops/{s}/orders/{o}", SHOP, "R-1").then().body("status", equalTo("WAIT_SELLER_SEND_GOODS"));
    }

    @Test
    void errorsAreProblemDocuments() {
        asErp().body("{not json").put("/shops/{s}/orders/{o}", SHOP, "E-1").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(400));
        asErp().body(order("e", "FRIDGE", "WAIT_BUYER_PAY", "2026-03-01T00:00:00Z", null, "2026-03-01T00:00:00Z", "1.00"))
                .put("/shops/{s}/orders/{o}", SHOP, "E-2").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("terminal"));
        asErp().body(order("e", "PC", "WAIT_BUYER_PAY", "2026-03-01T00:00:00Z", null, "2026-03-01T00:00:00Z", "-1.00"))
                .put("/shops/{s}/orders/{o}", SHOP, "E-3").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("lines[0].payment"));
        asErp().get("/shops/{s}/orders/{o}", SHOP, "NOPE").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        asErp().get("/shops/{s}/orders/metrics?from=2026-03-05&to=2026-03-01", SHOP).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("to"));
        asErp().get("/shops/{s}/orders/metrics?from=2025-01-01&to=2026-03-01", SHOP).then().statusCode(400);
        asErp().get("/shops/{s}/orders/metrics?from=yesterday&to=2026-03-01", SHOP).then().statusCode(400)
                .body("errors.field", hasItem("from"));
    }

    @Test
    void healthAndOpenApiAreOpenButPrometheusMetricsNeedAToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "monitoring"))).get("/q/metrics")
                .then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "analyst"))).get("/q/metrics")
                .then().statusCode(403);
    }

    @Test
    void tokensAreCheckedBeforeAnythingElse() {
        given().get("/shops/{s}/orders/{o}", SHOP, "S-1").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", Tokens.bearer(Tokens.expired(SHOP, "erp"))).get("/shops/{s}/orders/{o}", SHOP, "S-1")
                .then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.badlySigned(SHOP, "erp"))).get("/shops/{s}/orders/{o}", SHOP, "S-1")
                .then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.wrongIssuer(SHOP, "erp"))).get("/shops/{s}/orders/{o}", SHOP, "S-1")
                .then().statusCode(401);
        // another shop's token: 403 whether the order exists or not
        given().header("Authorization", Tokens.bearer(Tokens.forShop("elsewhere", "erp")))
                .get("/shops/{s}/orders/{o}", SHOP, "NOPE").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        // a tracker may not read orders
        given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "tracker")))
                .get("/shops/{s}/orders/{o}", SHOP, "NOPE").then().statusCode(403);
    }
}
