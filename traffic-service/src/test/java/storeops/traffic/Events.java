package storeops.traffic;

import static io.restassured.RestAssured.given;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import storeops.testing.Tokens;

/** Builds visit events as a tracker SDK would send them, and the calls the tests make. */
final class Events {

    private Events() {
    }

    static String view(String id, String visitor, String at, String terminal, String page, String product,
            String source, int dwell) {
        return event(id, visitor, at, terminal, page, product, source, "VIEW", dwell);
    }

    static String action(String id, String visitor, String at, String terminal, String page, String product,
            String action) {
        return event(id, visitor, at, terminal, page, product, null, action, 0);
    }

    static String event(String id, String visitor, String at, String terminal, String page, String product,
            String source, String action, int dwell) {
        return "{\"eventId\":\"" + id + "\",\"visitorId\":\"" + visitor + "\",\"occurredAt\":\"" + at
                + "\",\"terminal\":\"" + terminal + "\",\"page\":\"" + page + "\""
                + (product == null ? "" : ",\"productId\":\"" + product + "\"")
                + (source == null ? "" : ",\"source\":\"" + source + "\"")
                + ",\"action\":\"" + action + "\",\"dwellSeconds\":" + dwell + "}";
    }

    static String array(List<String> events) {
        return "[" + String.join(",", events) + "]";
    }

    /** Decimals read back as doubles, so that closeTo applies to ratios. */
    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    static RequestSpecification as(String shop, String... roles) {
        return given().config(DOUBLES).header("Authorization", Tokens.bearer(Tokens.forShop(shop, roles))).contentType(ContentType.JSON);
    }

    static ValidatableResponse post(String shop, List<String> events) {
        return as(shop, "tracker").body(array(events)).post("/shops/{s}/traffic/events", shop).then();
    }

    static ValidatableResponse metrics(String shop, String from, String to) {
        return as(shop, "analyst").get("/shops/{s}/traffic/metrics?from={f}&to={t}", shop, from, to).then()
                .statusCode(200);
    }
}
