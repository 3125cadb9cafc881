package storeops.traffic;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static storeops.traffic.Events.as;
import static storeops.traffic.Events.metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import storeops.traffic.rest.TrafficEventResource;

/**
 * The internal endpoints of {@link TrafficJoinTest} on the embedded demo app's H2 database, and an
 * NDJSON batch with its replay.
 */
@QuarkusTest
@TestProfile(H2Profile.class)
class H2TrafficJoinTest extends TrafficJoinTest {

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void runsOnH2() {
        assertEquals("h2", dbKind);
    }

    @Test
    void anNdjsonBatchAndItsReplay() {
        String shop = "h2-ndjson-shop";
        String ndjson = String.join("\n", TrafficMetricsTest.EARLIER) + "\n" + String.join("\n", TrafficMetricsTest.MAIN_DAY)
                + "\n";
        post(shop, ndjson).statusCode(200).body("accepted", equalTo(17)).body("duplicates", equalTo(0));
        // a replay with one new event: only the new one is stored
        post(shop, ndjson + TrafficMetricsTest.LATE.get(0) + "\n").statusCode(200).body("accepted", equalTo(1))
                .body("duplicates", equalTo(17));
        post(shop, ndjson).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(17));
        // figures of TrafficMetricsTest.everyTrafficKeyOfOneDay and everyTrafficKeyOfTwoDays
        metrics(shop, "2026-03-10", "2026-03-10").body("metrics.visitors", equalTo(6))
                .body("metrics.returningVisitors", equalTo(2)).body("metrics.bounceRate", closeTo(4 / 6.0, 1e-6))
                .body("metrics.pageViews", equalTo(8));
        metrics(shop, "2026-03-09", "2026-03-10").body("metrics.visitors", equalTo(7))
                .body("metrics.pcBounceRate", closeTo(0.5, 1e-6)).body("metrics.viewedProducts", equalTo(3));
        assertEquals(List.of(2, 6), as(shop, "analyst").get("/shops/{s}/traffic/daily?from=2026-03-09&to=2026-03-10", shop)
                .then().statusCode(200).extract().jsonPath().getList("days.metrics.visitors", Integer.class));
    }

    private static ValidatableResponse post(String shop, String ndjson) {
        return as(shop, "tracker").contentType(TrafficEventResource.NDJSON).body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/shops/{s}/traffic/events", shop).then();
    }
}
