package storeops.traffic;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static storeops.traffic.Events.as;
import static storeops.traffic.Events.metrics;
import static storeops.traffic.Events.post;
import static storeops.traffic.Events.view;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrafficIngestionTest {

    private static final String DAY = "2026-04-01";
    private static final String NDJSON = "application/x-ndjson";

    private static String at(int minute) {
        return "2026-04-01T0" + (minute / 60) + ":" + String.format("%02d", minute % 60) + ":00Z";
    }

    @Test
    void aBatchWithOneBadEventStoresTheOthersAndAReplayChangesNothing() {
        String shop = "ingest-bad-one";
        List<String> batch = List.of(
                view("b1", "v1", at(1), "PC", "HOME", null, "DIRECT", 5),
                view("b2", "v1", at(2), "FRIDGE", "HOME", null, "DIRECT", 5),
                view("b3", "v2", at(3), "WAP", "DETAIL", "P1", null, 5),
                "{\"eventId\":\"b4\",\"visitorId\":\"v3\",\"occurredAt\":\"yesterday\",\"terminal\":\"PC\",\"page\":\"HOME\"}",
                "{\"eventId\":\"b5\",\"visitorId\":\"v3\",\"occurredAt\":\"" + at(5)
                        + "\",\"terminal\":\"PC\",\"page\":\"HOME\",\"dwellSeconds\":-3}");
        post(shop, batch).statusCode(200).body("accepted", equalTo(2)).body("duplicates", equalTo(0))
                .body("rejected", equalTo(3))
                .body("rejections[0].index", equalTo(1)).body("rejections[0].eventId", equalTo("b2"))
                .body("rejections[0].reason", containsString("terminal"))
                .body("rejections[1].index", equalTo(3)).body("rejections[1].reason", containsString("occurredAt"))
                .body("rejections[2].index", equalTo(4)).body("rejections[2].reason", containsString("dwellSeconds"));
        metrics(shop, DAY, DAY).body("metrics.pageViews", equalTo(2)).body("metrics.visitors", equalTo(2));

        post(shop, batch).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(2))
                .body("rejected", equalTo(3));
        metrics(shop, DAY, DAY).body("metrics.pageViews", equalTo(2)).body("metrics.visitors", equalTo(2))
                .body("metrics.pcBounceRate", equalTo(1.0));
    }

    @Test
    void theSameEventTwiceInOneBatchCountsOnce() {
        String shop = "ingest-twice";
        String event = view("t1", "v1", at(1), "PC", "HOME", null, "DIRECT", 5);
        post(shop, List.of(event, event, view("t2", "v1", at(2), "PC", "OTHER", null, "DIRECT", 5))).statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(1));
        // two page views: v1 does not bounce
        metrics(shop, DAY, DAY).body("metrics.pageViews", equalTo(2)).body("metrics.bounceRate", equalTo(0.0));
    }

    @Test
    void ndjsonIsOneEventPerLine() {
        String shop = "ingest-ndjson";
        String body = view("n1", "v1", at(1), "TMALL_APP", "HOME", null, "DIRECT", 5) + "\n\n"
                + view("n2", "v2", at(2), "TAOBAO_APP", "HOME", null, "DIRECT", 5) + "\n";
        as(shop, "tracker").contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/shops/{s}/traffic/events", shop).then().statusCode(200).body("accepted", equalTo(2));
        metrics(shop, DAY, DAY).body("metrics.tmallAppVisitors", equalTo(1)).body("metrics.taobaoAppVisitors", equalTo(1));
        as(shop, "tracker").contentType(NDJSON).body("{\"eventId\":\n".getBytes(StandardCharsets.UTF_8))
                .post("/shops/{s}/traffic/events", shop).then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aBodyThatIsNotAnArrayOfObjectsIsRefusedWhole() {
        String shop = "ingest-malformed";
        String good = view("g1", "v1", at(1), "PC", "HOME", null, "DIRECT", 5);
        for (String body : List.of(good, "[" + good + ",", "[" + good + ", 42]", "[" + good + "] trailing", "")) {
            as(shop, "tracker").body(body).post("/shops/{s}/traffic/events", shop).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("status", equalTo(400));
        }
        metrics(shop, DAY, DAY).body("metrics.pageViews", equalTo(0));
    }

    @Test
    void overTenThousandEventsIsA400ThatStoresNothing() {
        String shop = "ingest-oversize";
        List<String> events = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            events.add(view("o" + i, "v" + i, at(i % 600), "PC", "HOME", null, "DIRECT", 1));
        }
        post(shop, events).statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("10000"));
        metrics(shop, DAY, DAY).body("metrics.pageViews", equalTo(0));
        post(shop, events.subList(0, 10_000)).statusCode(200).body("accepted", equalTo(10_000));
        metrics(shop, "2026-04-01", "2026-04-01").body("metrics.pcVisitors", equalTo(10_000));
    }

    @Test
    void trackersPostEventsButReadNothing() {
        String shop = "ingest-roles";
        String body = Events.array(List.of(view("r1", "v1", at(1), "PC", "HOME", null, "DIRECT", 5)));
        as(shop, "tracker").body(body).post("/shops/{s}/traffic/events", shop).then().statusCode(200);
        as(shop, "operator").body(body).post("/shops/{s}/traffic/events", shop).then().statusCode(200)
                .body("duplicates", equalTo(1));
        for (String role : List.of("analyst", "erp", "agent")) {
            as(shop, role).body(body).post("/shops/{s}/traffic/events", shop).then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
        }
        for (String path : List.of("metrics", "daily", "channels")) {
            as(shop, "tracker").get("/shops/{s}/traffic/" + path + "?from=2026-04-01&to=2026-04-01", shop).then()
                    .statusCode(403);
            as(shop, "erp").get("/shops/{s}/traffic/" + path + "?from=2026-04-01&to=2026-04-01", shop).then()
                    .statusCode(403);
            as(shop, "operator").get("/shops/{s}/traffic/" + path + "?from=2026-04-01&to=2026-04-01", shop).then()
                    .statusCode(200);
            as(shop, "analyst").get("/shops/{s}/traffic/" + path + "?from=2026-04-01&to=2026-04-01", shop).then()
                    .statusCode(200);
        }
        String people = "{\"from\":\"2026-04-01\",\"to\":\"2026-04-01\",\"buyerIds\":[\"v1\"]}";
        as(shop, "tracker").body(people).post("/shops/{s}/traffic/people", shop).then().statusCode(403);
        as(shop, "analyst").body(people).post("/shops/{s}/traffic/people", shop).then().statusCode(200);
        String lastVisits = "{\"buyerIds\":[\"v1\"],\"at\":[1775088000000]}";
        as(shop, "tracker").body(lastVisits).post("/shops/{s}/traffic/last-visits", shop).then().statusCode(403);
        as(shop, "analyst").body(lastVisits).post("/shops/{s}/traffic/last-visits", shop).then().statusCode(200);
        as(shop, "analyst").body("{\"amount\":1.00}").put("/shops/{s}/traffic/spend/2026-04-01/DIRECT", shop).then()
                .statusCode(403);
        as(shop, "tracker").body("{\"amount\":1.00}").put("/shops/{s}/traffic/spend/2026-04-01/DIRECT", shop).then()
                .statusCode(403);
        as(shop, "operator").body("{\"amount\":1.00}").put("/shops/{s}/traffic/spend/2026-04-01/DIRECT", shop).then()
                .statusCode(200);
    }

    @Test
    void badPeriodsAreProblems() {
        as("ingest-period", "analyst").get("/shops/{s}/traffic/metrics?from=2026-04-02&to=2026-04-01", "ingest-period")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        as("ingest-period", "analyst").get("/shops/{s}/traffic/daily?from=2026-04-xx&to=2026-04-01", "ingest-period")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }
}
