package storeops.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of the service's own OpenAPI document and proves that each one answers
 * 401 without a token and 403 with a valid token for another shop, so that a new endpoint cannot
 * be added unprotected. A service's test extends this class and is annotated {@code @QuarkusTest}.
 */
public abstract class OpenApiSecurityWalk {

    private static final Set<String> VERBS = Set.of("get", "post", "put", "patch", "delete");
    protected static final String SHOP = "walk-shop";
    protected static final String OTHER_SHOP = "walk-other-shop";

    /** Every role, so that only the shop decides the 403. */
    protected String[] allRoles() {
        return new String[] {"operator", "erp", "agent", "analyst", "tracker"};
    }

    @Test
    void everyOperationRefusesCallersWithoutTokenOrForAnotherShop() {
        JsonPath spec = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = spec.getMap("paths");
        assertFalse(paths.isEmpty(), "the OpenAPI document lists no path");
        List<String> failures = new ArrayList<>();
        int walked = 0;
        String otherShopToken = Tokens.forShop(OTHER_SHOP, allRoles());
        for (var path : paths.entrySet()) {
            for (String verb : path.getValue().keySet()) {
                if (!VERBS.contains(verb)) {
                    continue;
                }
                walked++;
                String url = concrete(path.getKey());
                int anonymous = call(verb, url, null).statusCode();
                if (anonymous != 401) {
                    failures.add(verb.toUpperCase() + " " + url + " without a token answered " + anonymous);
                }
                Response foreign = call(verb, url, otherShopToken);
                if (foreign.statusCode() != 403) {
                    failures.add(verb.toUpperCase() + " " + url + " with another shop's token answered "
                            + foreign.statusCode());
                } else if (!foreign.contentType().startsWith("application/problem+json")) {
                    failures.add(verb.toUpperCase() + " " + url + " answered 403 as " + foreign.contentType());
                }
            }
        }
        assertTrue(walked > 0, "no operation walked");
        assertEquals(List.of(), failures);
    }

    private static String concrete(String template) {
        return template.replace("{shopId}", SHOP).replaceAll("\\{[^}]+}", "x1");
    }

    private static Response call(String verb, String url, String token) {
        var request = given().contentType(ContentType.JSON).body("{}");
        if (token != null) {
            request = request.header("Authorization", Tokens.bearer(token));
        }
        return request.request(verb.toUpperCase(), url);
    }
}
