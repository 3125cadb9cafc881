package storeops.desk;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static storeops.desk.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DSR on D = 2026-06-30 averages the scores given on D-179 = 2026-01-02 .. D (Shanghai days).
 *
 * O1 u1 2026-06-30: description 5, service 4, logistics empty: composite (5 + 4) / 2 = 4.5, not low.
 * O2 u2 2026-06-01: 4, 3, 4: composite 11 / 3 = 3.67, low: one BAD_REVIEW ticket at its ratedAt.
 * O3 u3 2026-01-02 00:00 (the 180th day back): 1, 1, 1: counts, low.
 * O4 u4 2026-01-01 12:00 (181 days back): 1, 1, 1: no longer counts for D, low.
 * O5 u5 2026-06-30: all three empty: no composite, no score.
 */
@QuarkusTest
class RatingDsrTest {

    private static final String SHOP = "rating-shop";
    private static boolean stored;

    @BeforeEach
    void ratings() {
        if (stored) {
            return;
        }
        stored = true;
        rate("O1", "u1", "2026-06-30T10:00:00+08:00", "5", "4", "null").body("lowScore", equalTo(false));
        rate("O2", "u2", "2026-06-01T09:00:00+08:00", "4", "3", "4").body("lowScore", equalTo(true))
                .body("badReviewTicketId", equalTo("BAD_REVIEW-O2"));
        rate("O3", "u3", "2026-01-02T00:00:00+08:00", "1", "1", "1");
        rate("O4", "u4", "2026-01-01T12:00:00+08:00", "1", "1", "1");
        rate("O5", "u5", "2026-06-30T11:00:00+08:00", "null", "null", "null").body("lowScore", equalTo(false));
    }

    private static io.restassured.response.ValidatableResponse rate(String order, String buyer, String at, String d,
            String s, String l) {
        return as(SHOP, "erp").body("{\"buyerId\":\"" + buyer + "\",\"ratedAt\":\"" + at + "\",\"description\":" + d
                + ",\"service\":" + s + ",\"logistics\":" + l + "}").put("/shops/{s}/ratings/{o}", SHOP, order).then()
                .statusCode(200);
    }

    @Test
    void dsrAveragesTheGivenScoresOfThe180DaysUpToTheDay() {
        // description: 5 (O1) + 4 (O2) + 1 (O3) = 10 / 3 = 3.333333; O4 is 181 days old
        // service: 4 + 3 + 1 = 8 / 3 = 2.666667
        // logistics: O1 empty, 4 + 1 = 5 / 2 = 2.5
        as(SHOP, "analyst").get("/shops/{s}/desk/dsr?date=2026-06-30", SHOP).then().statusCode(200)
                .body("date", equalTo("2026-06-30")).body("description", equalTo(3.333333f))
                .body("service", equalTo(2.666667f)).body("logistics", equalTo(2.5f));
        // a day earlier O1 is not given yet, O4 is the 180th day back: description (4 + 1 + 1) / 3 = 2.0
        as(SHOP, "analyst").get("/shops/{s}/desk/dsr?date=2026-06-29", SHOP).then().statusCode(200)
                .body("description", equalTo(2.0f)).body("logistics", equalTo(2.0f));
        // the period's DSR is the DSR of its last day
        as(SHOP, "analyst").get("/shops/{s}/desk/metrics?from=2026-06-01&to=2026-06-30", SHOP).then().statusCode(200)
                .body("metrics.dsrDescription", equalTo(3.333333f)).body("metrics.dsrService", equalTo(2.666667f))
                .body("metrics.dsrLogistics", equalTo(2.5f));
        as(SHOP, "analyst").get("/shops/{s}/desk/dsr?date=2025-01-01", SHOP).then().statusCode(200)
                .body("description", nullValue());
    }

    @Test
    void lowScoreBuyersRatedInThePeriodWithACompositeBelowFour() {
        // June: u2 only (u1's 4.5 over two given dimensions is not low, u5 has no composite)
        as(SHOP, "analyst").get("/shops/{s}/desk/metrics?from=2026-06-01&to=2026-06-30", SHOP).then().statusCode(200)
                .body("metrics.dsrLowScoreBuyers", equalTo(1));
        // January to June: u2, u3, u4
        as(SHOP, "analyst").get("/shops/{s}/desk/metrics?from=2026-01-01&to=2026-06-30", SHOP).then().statusCode(200)
                .body("metrics.dsrLowScoreBuyers", equalTo(3));
    }

    @Test
    void aLowScoreOpensExactlyOneBadReviewTicketAtRatedAtAlsoOnReplay() {
        rate("O2", "u2", "2026-06-01T09:00:00+08:00", "4", "3", "4").body("outcome", equalTo("UNCHANGED"))
                .body("badReviewTicketId", equalTo("BAD_REVIEW-O2"));
        as(SHOP, "operator").get("/shops/{s}/tickets?type=BAD_REVIEW&size=10", SHOP).then().statusCode(200)
                .body("tickets.ticketId", org.hamcrest.Matchers.containsInAnyOrder("BAD_REVIEW-O2", "BAD_REVIEW-O3",
                        "BAD_REVIEW-O4"));
        as(SHOP, "operator").get("/shops/{s}/tickets/{t}", SHOP, "BAD_REVIEW-O2").then().statusCode(200)
                .body("openedAt", equalTo("2026-06-01T01:00:00Z")).body("orderNo", equalTo("O2"))
                .body("buyerId", equalTo("u2")).body("history.event", contains("open"));
    }

    @Test
    void scoresOutsideOneToFiveAreA400() {
        as(SHOP, "erp").body("{\"buyerId\":\"u9\",\"ratedAt\":\"2026-06-30T00:00:00Z\",\"description\":6}")
                .put("/shops/{s}/ratings/{o}", SHOP, "O9").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("description"));
        as(SHOP, "erp").body("{\"buyerId\":\"u9\",\"ratedAt\":\"2026-06-30T00:00:00Z\",\"service\":0}")
                .put("/shops/{s}/ratings/{o}", SHOP, "O9").then().statusCode(400).body("errors.field", hasItem("service"));
        as(SHOP, "erp").body("{\"ratedAt\":\"2026-06-30T00:00:00Z\"}")
                .put("/shops/{s}/ratings/{o}", SHOP, "O9").then().statusCode(400).body("errors.field", hasItem("buyerId"));
        as(SHOP, "analyst").get("/shops/{s}/desk/dsr", SHOP).then().statusCode(400).body("errors.field", hasItem("date"));
    }
}
