package storeops.desk;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import storeops.testing.Tokens;

/** Requests with a token for one shop and some roles. */
final class Api {

    private Api() {
    }

    static RequestSpecification as(String shop, String... roles) {
        return given().header("Authorization", Tokens.bearer(Tokens.forShop(shop, roles))).contentType(ContentType.JSON);
    }

    static String message(String sender, String sentAt) {
        return "{\"sender\":\"" + sender + "\",\"sentAt\":\"" + sentAt + "\",\"text\":\"" + sender + " at " + sentAt + "\"}";
    }

    static String conversation(String buyer, String agent, String startedAt, String... messages) {
        return "{\"buyerId\":\"" + buyer + "\",\"agentId\":\"" + agent + "\",\"startedAt\":\"" + startedAt
                + "\",\"messages\":[" + String.join(",", messages) + "]}";
    }
}
