package storeops.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import storeops.testing.Tokens;

/** Writes test data through the services' own public write APIs (contract.md), as their callers do. */
final class Seed {

    private Seed() {
    }

    static String url(String service) {
        String url = System.getProperty("storeops.it." + service + ".url");
        if (url == null) {
            throw new IllegalStateException("the services are not running (ServicesResource)");
        }
        return url;
    }

    private static RequestSpecification as(String service, String shop, String role) {
        return given().baseUri(url(service)).header("Authorization", Tokens.bearer(Tokens.forShop(shop, role)))
                .contentType(ContentType.JSON);
    }

    /** A page view; {@code source} may be null (it then counts as OTHER). */
    static String view(String visitor, String at, String terminal, String page, String source) {
        return """
                {"eventId":"%s-%s","visitorId":"%s","occurredAt":"%s","terminal":"%s","page":"%s"%s,"action":"VIEW","dwellSeconds":30}"""
                .formatted(visitor, at.replaceAll("[^0-9]", ""), visitor, at, terminal, page,
                        source == null ? "" : ",\"source\":\"" + source + "\"");
    }

    static void events(String shop, String... events) {
        as("traffic", shop, "tracker").body("[" + String.join(",", events) + "]")
                .post("/shops/{shop}/traffic/events", shop).then().statusCode(200);
    }

    static void spend(String shop, String date, String channel, String amount) {
        as("traffic", shop, "operator").body("{\"amount\":" + amount + "}")
                .put("/shops/{shop}/traffic/spend/{date}/{channel}", shop, date, channel).then().statusCode(200);
    }

    /** A one-line order; {@code paidAt} null for an unpaid one. */
    static void order(String shop, String orderNo, String buyer, String terminal, String createdAt, String paidAt,
            String payment) {
        String status = paidAt == null ? "WAIT_BUYER_PAY" : "WAIT_SELLER_SEND_GOODS";
        String body = """
                {"buyerId":"%s","terminal":"%s","status":"%s","createdAt":"%s","paidAt":%s,"modifiedAt":"%s",
                 "freight":0.00,"shippingPromiseHours":72,
                 "lines":[{"lineNo":1,"productId":"P-%s","skuId":"S1","quantity":1,"price":%s,"payment":%s}]}"""
                .formatted(buyer, terminal, status, createdAt, paidAt == null ? "null" : "\"" + paidAt + "\"",
                        paidAt == null ? createdAt : paidAt, orderNo, payment, payment);
        as("order", shop, "erp").body(body).put("/shops/{shop}/orders/{no}", shop, orderNo).then().statusCode(200);
    }

    /** A conversation: the buyer's message at {@code startedAt}, the agent's answer {@code answerAfterSeconds} later. */
    static void chat(String shop, String id, String buyer, String agent, String startedAt, int answerAfterSeconds) {
        java.time.Instant start = java.time.Instant.parse(startedAt);
        List<String> messages = new ArrayList<>();
        messages.add("{\"sender\":\"BUYER\",\"sentAt\":\"%s\",\"text\":\"在吗？\"}".formatted(start));
        messages.add("{\"sender\":\"AGENT\",\"sentAt\":\"%s\",\"text\":\"亲，在的\"}"
                .formatted(start.plusSeconds(answerAfterSeconds)));
        String body = "{\"buyerId\":\"%s\",\"agentId\":\"%s\",\"startedAt\":\"%s\",\"messages\":[%s]}"
                .formatted(buyer, agent, start, String.join(",", messages));
        as("desk", shop, "agent").body(body).put("/shops/{shop}/conversations/{id}", shop, id).then().statusCode(200);
    }
}
