package storeops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.hamcrest.Matchers.hasItem;
import static storeops.traffic.Events.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The data versions of ranges of days, which the gateway keeps composed answers by: a batch of
 * events moves the days of the events it stored (in the shop's zone), a replay moves none, and
 * the version of the whole shop moves with any of them.
 */
@QuarkusTest
class DayVersionTest {

    private static String version(String shop, String range) {
        return as(shop, "analyst").get("/shops/{s}/traffic/data-version" + range, shop).then().statusCode(200)
                .extract().path("version");
    }

    @Test
    void eventsMoveTheVersionsOfTheirDaysOnly() {
        String shop = "day-version-events";
        String july1 = "?from=2026-07-01&to=2026-07-01";
        String july2to9 = "?from=2026-07-02&to=2026-07-09";
        String wholeBefore = version(shop, "");
        String july1Before = version(shop, july1);
        String laterBefore = version(shop, july2to9);
        // 16:30 UTC on June 30th is half past midnight of July 1st in Asia/Shanghai
        String batch = Events.array(List.of(Events.view("dv-1", "v1", "2026-06-30T16:30:00Z", "PC", "HOME", null,
                "DIRECT", 10)));
        as(shop, "tracker").body(batch).post("/shops/{s}/traffic/events", shop).then().statusCode(200);
        String july1After = version(shop, july1);
        assertNotEquals(july1Before, july1After);
        assertEquals(laterBefore, version(shop, july2to9));
        String wholeAfter = version(shop, "");
        assertNotEquals(wholeBefore, wholeAfter);

        as(shop, "tracker").body(batch).post("/shops/{s}/traffic/events", shop).then().statusCode(200);
        assertEquals(july1After, version(shop, july1), "a replay stores nothing and moves nothing");
        assertEquals(wholeAfter, version(shop, ""));
    }

    @Test
    void spendMovesItsDay() {
        String shop = "day-version-spend";
        String day = "?from=2026-07-05&to=2026-07-05";
        String before = version(shop, day);
        String other = version(shop, "?from=2026-07-06&to=2026-07-31");
        as(shop, "operator").body("{\"amount\":12.50}").put("/shops/{s}/traffic/spend/2026-07-05/ZHITONGCHE", shop)
                .then().statusCode(200);
        assertNotEquals(before, version(shop, day));
        assertEquals(other, version(shop, "?from=2026-07-06&to=2026-07-31"));
    }

    @Test
    void severalRangesAreAnsweredAtOnceInOrder() {
        String shop = "day-version-ranges";
        as(shop, "tracker").body(Events.array(List.of(Events.view("dr-1", "v1", "2026-07-10T02:00:00Z", "PC", "HOME",
                null, "DIRECT", 10)))).post("/shops/{s}/traffic/events", shop).then().statusCode(200);
        String tenth = version(shop, "?from=2026-07-10&to=2026-07-10");
        String eleventh = version(shop, "?from=2026-07-11&to=2026-07-20");
        List<String> both = as(shop, "analyst")
                .get("/shops/{s}/traffic/data-version?from=2026-07-11&to=2026-07-20&from=2026-07-10&to=2026-07-10", shop)
                .then().statusCode(200).extract().path("versions");
        assertEquals(List.of(eleventh, tenth), both);
        assertNotEquals(tenth, eleventh);
        as(shop, "analyst").get("/shops/{s}/traffic/data-version?from=2026-07-11&to=2026-07-20&from=2026-07-10", shop)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("to"));
    }

    @Test
    void aRangeIsTwoDatesInOrder() {
        String shop = "day-version-bad";
        as(shop, "analyst").get("/shops/{s}/traffic/data-version?from=2026-07-05&to=2026-07-04", shop).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("to"));
        as(shop, "analyst").get("/shops/{s}/traffic/data-version?from=2026-07-05", shop).then().statusCode(400)
                .body("errors.field", hasItem("to"));
        as(shop, "analyst").get("/shops/{s}/traffic/data-version?from=July&to=2026-07-05", shop).then()
                .statusCode(400).body("errors.field", hasItem("from"));
        // a range may be longer than a period: a year of returning buyers lies behind a month
        as(shop, "analyst").get("/shops/{s}/traffic/data-version?from=2025-01-01&to=2026-07-05", shop).then()
                .statusCode(200);
    }
}
