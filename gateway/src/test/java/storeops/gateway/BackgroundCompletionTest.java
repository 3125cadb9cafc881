package storeops.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import storeops.testing.Tokens;

/**
 * An answer that misses its deadline is partial, and its composition goes on in the background: the
 * next reader gets the complete answer at once. Here every answer must come within a millisecond,
 * so only the background composition can ever complete one.
 */
@QuarkusTest
@TestProfile(BackgroundCompletionTest.NoTimeToAnswer.class)
@WithTestResource(value = ServicesResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@Order(0)
class BackgroundCompletionTest {

    public static class NoTimeToAnswer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storeops.gateway.answer-within", "1ms");
        }
    }

    @Test
    void aPartialAnswerIsCompletedInTheBackgroundForTheNextReader() throws InterruptedException {
        String shop = "gw-background";
        Seed.events(shop, Seed.view("g1", "2026-04-05T02:00:00Z", "PC", "HOME", "DIRECT"));
        Seed.order(shop, "G1", "g1", "PC", "2026-04-05T02:10:00Z", "2026-04-05T02:11:00Z", "42.00");
        Seed.chat(shop, "C-g1", "g1", "a1", "2026-04-05T02:05:00Z", 10);
        String funnel = "/shops/{shop}/kpi/funnel?from=2026-04-05&to=2026-04-05";

        Response first = funnel(shop, funnel);
        assertTrue(first.statusCode() == 503 || first.jsonPath().getBoolean("partial"),
                "no answer can be composed within 1 ms: " + first.asString());

        Response later = first;
        for (int attempt = 0; attempt < 60 && !complete(later); attempt++) {
            Thread.sleep(250);
            later = funnel(shop, funnel);
        }
        later.then().statusCode(200).body("partial", org.hamcrest.Matchers.equalTo(false));
        Decimals.of(later).is("paidAmount", "42.00").is("visitors", "1").is("paidBuyers", "1");
    }

    private static boolean complete(Response r) {
        return r.statusCode() == 200 && !r.jsonPath().getBoolean("partial");
    }

    private static Response funnel(String shop, String path) {
        return given().header("Authorization", Tokens.bearer(Tokens.forShop(shop, "analyst"))).get(path, shop);
    }
}
