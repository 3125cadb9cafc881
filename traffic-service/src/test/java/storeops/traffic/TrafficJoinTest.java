package storeops.traffic;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static storeops.traffic.Events.as;
import static storeops.traffic.Events.post;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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
                .body("unvisited", contains("X")).body("notEffective", contains("C", "R7", "X"));
        // 03-03 alone: R7 only, one page view
        as(SHOP, "analyst").body("{\"from\":\"2026-03-03\",\"to\":\"2026-03-03\",\"buyerIds\":[\"R7\"]}")
                .post("/shops/{s}/traffic/people", SHOP).then().statusCode(200)
                .body("distinctVisitors", equalTo(1)).body("effectiveVisitors", equalTo(0))
                .body("unvisited", empty()).body("notEffective", contains("R7"));
        // an id asked twice is answered once, so the gateway can count the exceptions as people
        as(SHOP, "analyst").body("{\"from\":\"2026-03-09\",\"to\":\"2026-03-10\",\"buyerIds\":[\"X\",\"C\",\"X\",\"A\",\"C\"]}")
                .post("/shops/{s}/traffic/people", SHOP).then().statusCode(200)
                .body("unvisited", contains("X")).body("notEffective", contains("X", "C"));
    }

    /** A last-visits body: the buyers and their instants as the two columns the endpoint takes. */
    static String lastVisits(List<String> buyers, List<String> instants) {
        return "{\"lookbackHours\":168,\"buyerIds\":[" + buyers.stream().map(b -> "\"" + b + "\"").collect(Collectors.joining(","))
                + "],\"at\":[" + instants.stream().map(t -> String.valueOf(OffsetDateTime.parse(t).toInstant().toEpochMilli()))
                        .collect(Collectors.joining(",")) + "]}";
    }

    static long millis(String instant) {
        return OffsetDateTime.parse(instant).toInstant().toEpochMilli();
    }

    @Test
    void lastVisitsGiveTheSourceOfTheLastViewWithinTheLookback() {
        String body = lastVisits(List.of("A", "A", "R7", "R7", "X"), List.of("2026-03-10T05:00:00Z",
                "2026-03-10T17:00:00+08:00", "2026-03-10T04:00:00Z", "2026-03-10T04:00:01Z", "2026-03-10T04:00:00Z"));
        as(SHOP, "analyst").body(body).post("/shops/{s}/traffic/last-visits", SHOP).then().statusCode(200)
                // A's last VIEW before 05:00Z is the PC detail page at 02:01 (the favorite at 02:02 is no view)
                .body("sources[0]", equalTo("ORGANIC_SEARCH"))
                .body("visitedAt[0]", equalTo(millis("2026-03-10T02:01:00Z")))
                // 17:00+08:00 is 09:00Z: a view at that very instant counts
                .body("sources[1]", equalTo("TAOBAOKE")).body("visitedAt[1]", equalTo(millis("2026-03-10T09:00:00Z")))
                // R7 viewed at 03-03 04:00Z: exactly 168 hours before is inside, one second more is not
                .body("sources[2]", equalTo("DIRECT")).body("sources[3]", nullValue())
                .body("visitedAt[3]", nullValue()).body("sources[4]", nullValue()).body("sources.size()", equalTo(5));
    }

    @Test
    void manyQueriesAreAnsweredInTheirOwnOrder() {
        // 1,500 queries given latest first: each answer must sit at its query's place
        List<String> buyers = new ArrayList<>();
        List<String> instants = new ArrayList<>();
        for (int i = 1499; i >= 0; i--) {
            boolean early = i % 2 == 0; // weeks before any view of A: nothing within 168 h
            buyers.add("A");
            instants.add(early ? "2026-01-01T00:00:00Z" : "2026-03-10T05:00:%02dZ".formatted(i % 60));
        }
        List<String> sources = as(SHOP, "analyst").body(lastVisits(buyers, instants))
                .post("/shops/{s}/traffic/last-visits", SHOP).then().statusCode(200).extract().jsonPath()
                .getList("sources", String.class);
        assertEquals(1500, sources.size());
        for (int position = 0; position < 1500; position++) {
            int i = 1499 - position;
            assertEquals(i % 2 == 0 ? null : "ORGANIC_SEARCH", sources.get(position), "query " + i);
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
        as(SHOP, "analyst").body("{\"lookbackHours\":0,\"buyerIds\":[],\"at\":[]}").post("/shops/{s}/traffic/last-visits", SHOP)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        // a blank buyer, columns of different lengths, an instant that is no number
        for (String[] bad : new String[][] {{"{\"buyerIds\":[\" \"],\"at\":[1]}", "buyerIds[0]"},
                {"{\"buyerIds\":[\"A\",\"B\"],\"at\":[1]}", "at"}, {"{\"buyerIds\":[null],\"at\":[1]}", "buyerIds[0]"}}) {
            as(SHOP, "analyst").body(bad[0]).post("/shops/{s}/traffic/last-visits", SHOP)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo(bad[1]));
        }
        as(SHOP, "analyst").body("{\"buyerIds\":[\"A\"],\"at\":[\"yesterday\"]}")
                .post("/shops/{s}/traffic/last-visits", SHOP).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(SHOP, "analyst").body("{\"buyerIds\":[\"A\"]}").post("/shops/{s}/traffic/last-visits", SHOP).then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
    }
}
