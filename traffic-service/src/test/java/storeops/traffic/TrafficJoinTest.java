package storeops.traffic;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static storeops.traffic.Events.as;
import static storeops.traffic.Events.post;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The internal endpoints the gateway calls, on the data set of {@link TrafficMetricsTest}. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrafficJoinTest {

    private static final String SHOP = "join-shop";
    /** Per instance: a subclass runs against another database, which needs the data set too. */
    private boolean loaded;

    @BeforeEach
    void load() {
        if (!loaded) {
            loaded = true;
            post(SHOP, TrafficMetricsTest.EARLIER).statusCode(200);
            post(SHOP, TrafficMetricsTest.MAIN_DAY).statusCode(200);
            post(SHOP, TrafficMetricsTest.LATE).statusCode(200);
        }
    }

    @Test
    void peopleTellsWhichBuyersVisitedAndEnteredEffectively() {
        // 03-09..03-10: A, B, C, L, R6, R7 viewed (6 people, terminals merged). Effective on a day:
        // A (3 page views on 03-10), B (2), L (2 on 03-09 and a favorite); C (1 + 1 on two days),
        // R6, R7 (1 each) are not.
        as(SHOP, "analyst").body("{\"from\":\"2026-03-09\",\"to\":\"2026-03-10\",\"buyerIds\":[\"A\",\"C\",\"L\",\"R7\",\"X\"]}")
                .post("/shops/{s}/traffic/people", SHOP).then().statusCode(200)
                .body("distinctVisitors", equalTo(6)).body("effectiveVisitors", equalTo(3))
                .body("visited", contains("A", "C", "L", "R7")).body("effective", contains("A", "L"));
        // 03-03 alone: R7 only, one page view
        as(SHOP, "analyst").body("{\"from\":\"2026-03-03\",\"to\":\"2026-03-03\",\"buyerIds\":[\"R7\"]}")
                .post("/shops/{s}/traffic/people", SHOP).then().statusCode(200)
                .body("distinctVisitors", equalTo(1)).body("effectiveVisitors", equalTo(0))
                .body("visited", contains("R7")).body("effective", empty());
    }

    @Test
    void lastVisitsGiveTheSourceOfTheLastViewWithinTheLookback() {
        String body = """
                {"lookbackHours":168,"queries":[
                  {"buyerId":"A","at":"2026-03-10T05:00:00Z"},
                  {"buyerId":"A","at":"2026-03-10T17:00:00+08:00"},
                  {"buyerId":"R7","at":"2026-03-10T04:00:00Z"},
                  {"buyerId":"R7","at":"2026-03-10T04:00:01Z"},
                  {"buyerId":"X","at":"2026-03-10T04:00:00Z"}]}""";
        as(SHOP, "analyst").body(body).post("/shops/{s}/traffic/last-visits", SHOP).then().statusCode(200)
                // A's last VIEW before 05:00Z is the PC detail page at 02:01 (the favorite at 02:02 is no view)
                .body("visits[0].source", equalTo("ORGANIC_SEARCH"))
                .body("visits[0].visitedAt", equalTo("2026-03-10T02:01:00Z"))
                // 17:00+08:00 is 09:00Z: a view at that very instant counts
                .body("visits[1].source", equalTo("TAOBAOKE")).body("visits[1].visitedAt", equalTo("2026-03-10T09:00:00Z"))
                // R7 viewed at 03-03 04:00Z: exactly 168 hours before is inside, one second more is not
                .body("visits[2].source", equalTo("DIRECT")).body("visits[3].source", nullValue())
                .body("visits[3].visitedAt", nullValue()).body("visits[3].buyerId", equalTo("R7"))
                .body("visits[4].source", nullValue());
    }

    @Test
    void manyQueriesAreAnsweredInTheirOwnOrderWhateverGroupReadsThem() {
        // 1,500 queries (three reads of 500), given latest first: each answer must sit at its query's place
        StringBuilder queries = new StringBuilder();
        for (int i = 1499; i >= 0; i--) {
            boolean early = i % 2 == 0; // weeks before any view of A: nothing within 168 h
            String at = early ? "2026-01-01T00:00:00Z" : "2026-03-10T05:00:%02dZ".formatted(i % 60);
            queries.append(queries.isEmpty() ? "" : ",").append("{\"buyerId\":\"A\",\"at\":\"").append(at).append("\"}");
        }
        var visits = as(SHOP, "analyst").body("{\"lookbackHours\":168,\"queries\":[" + queries + "]}")
                .post("/shops/{s}/traffic/last-visits", SHOP).then().statusCode(200).extract().jsonPath()
                .getList("visits", java.util.Map.class);
        assertEquals(1500, visits.size());
        for (int position = 0; position < 1500; position++) {
            int i = 1499 - position;
            var visit = visits.get(position);
            if (i % 2 == 0) {
                assertEquals("2026-01-01T00:00:00Z", visit.get("at"), "query " + i);
                assertNull(visit.get("source"), "query " + i);
            } else {
                assertEquals("2026-03-10T05:00:%02dZ".formatted(i % 60), visit.get("at"), "query " + i);
                assertEquals("ORGANIC_SEARCH", visit.get("source"), "query " + i);
            }
        }
    }

    @Test
    void channelsListEverySourceWithItsPeopleAndSpend() {
        as(SHOP, "operator").body("{\"amount\":120.50}").put("/shops/{s}/traffic/spend/2026-03-10/ZHITONGCHE", SHOP)
                .then().statusCode(200).body("amount", equalTo(120.5));
        // a replay sets the same figure again
        as(SHOP, "operator").body("{\"amount\":120.50}").put("/shops/{s}/traffic/spend/2026-03-10/ZHITONGCHE", SHOP)
                .then().statusCode(200);
        as(SHOP, "operator").body("{\"amount\":10}").put("/shops/{s}/traffic/spend/2026-03-09/ZHITONGCHE", SHOP)
                .then().statusCode(200);
        // VIEW sources: ORGANIC_SEARCH C, A; ZHITONGCHE L; TAOBAOKE A; JUHUASUAN B; DIRECT R6, R7;
        // OTHER B (a WAP view without source); ZUANZHAN nobody
        as(SHOP, "analyst").get("/shops/{s}/traffic/channels?from=2026-03-09&to=2026-03-10", SHOP).then().statusCode(200)
                .body("channels.channel", contains("ORGANIC_SEARCH", "ZHITONGCHE", "TAOBAOKE", "ZUANZHAN", "JUHUASUAN",
                        "DIRECT", "OTHER"))
                .body("channels.visitors", contains(2, 1, 1, 0, 1, 2, 1))
                .body("channels[1].spend", equalTo(130.5)).body("channels[0].spend", equalTo(0.0));
    }

    @Test
    void badSpendIsAProblem() {
        for (String[] bad : new String[][] {{"2026-03-10", "ZHITONGCHE", "{\"amount\":-1}"},
                {"2026-03-10", "ZHITONGCHE", "{\"amount\":1.005}"}, {"2026-03-10", "ZHITONGCHE", "{}"},
                {"2026-03-10", "BILLBOARD", "{\"amount\":1}"}, {"10-03-2026", "ZHITONGCHE", "{\"amount\":1}"},
                {"2026-03-10", "ZHITONGCHE", "{\"amount\":"}}) {
            as(SHOP, "operator").body(bad[2]).put("/shops/{s}/traffic/spend/{d}/{c}", SHOP, bad[0], bad[1]).then()
                    .statusCode(400).contentType(startsWith("application/problem+json"));
        }
    }

    @Test
    void tooManyBuyerIdsOrAMissingListIsAProblem() {
        as(SHOP, "analyst").body("{\"from\":\"2026-03-09\",\"to\":\"2026-03-10\"}").post("/shops/{s}/traffic/people", SHOP)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        as(SHOP, "analyst").body("{\"lookbackHours\":0,\"queries\":[]}").post("/shops/{s}/traffic/last-visits", SHOP)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        for (String[] bad : new String[][] {{"[{\"buyerId\":\" \",\"at\":\"2026-03-10T05:00:00Z\"}]", "queries[0].buyerId"},
                {"[{\"buyerId\":\"A\",\"at\":\"2026-03-10T05:00:00Z\"},{\"buyerId\":\"A\"}]", "queries[1].at"},
                {"[null]", "queries[0]"}}) {
            as(SHOP, "analyst").body("{\"queries\":" + bad[0] + "}").post("/shops/{s}/traffic/last-visits", SHOP)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo(bad[1]));
        }
        as(SHOP, "analyst").body("{\"queries\":[{\"buyerId\":\"A\",\"at\":\"yesterday\"}]}")
                .post("/shops/{s}/traffic/last-visits", SHOP).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }
}
