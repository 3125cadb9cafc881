package storeops.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static storeops.desk.Api.as;
import static storeops.desk.Api.conversation;
import static storeops.desk.Api.message;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import storeops.desk.scheduler.SlaDeadlineJob;

/**
 * The data versions of ranges of days: a conversation moves its day and its messages' days, a
 * rating its day, a ticket the day it was opened on, a passing SLA deadline its ticket's opening
 * day; a replay moves none.
 */
@QuarkusTest
class DayVersionTest {

    @Inject
    SlaDeadlineJob sla;

    private static String version(String shop, String range) {
        return as(shop, "analyst").get("/shops/{s}/desk/data-version" + range, shop).then().statusCode(200)
                .extract().path("version");
    }

    @Test
    void aConversationMovesTheDaysOfItsMessages() {
        String shop = "desk-day-version";
        String aug1 = "?from=2026-08-01&to=2026-08-01";
        String aug2 = "?from=2026-08-02&to=2026-08-02";
        String later = "?from=2026-08-03&to=2026-08-31";
        String aug1Before = version(shop, aug1);
        String aug2Before = version(shop, aug2);
        String laterBefore = version(shop, later);
        // starts late on August 1st in Asia/Shanghai, answered after midnight
        String chat = conversation("b1", "a1", "2026-08-01T15:58:00Z", message("BUYER", "2026-08-01T15:58:00Z"),
                message("AGENT", "2026-08-01T16:01:00Z"));
        as(shop, "agent").body(chat).put("/shops/{s}/conversations/{c}", shop, "DV-1").then().statusCode(200);
        String aug1After = version(shop, aug1);
        String aug2After = version(shop, aug2);
        assertNotEquals(aug1Before, aug1After);
        assertNotEquals(aug2Before, aug2After);
        assertEquals(laterBefore, version(shop, later));

        as(shop, "agent").body(chat).put("/shops/{s}/conversations/{c}", shop, "DV-1").then().statusCode(200);
        assertEquals(aug1After, version(shop, aug1), "the same log again changes nothing");

    }

    @Test
    void aRatingMovesItsDayOnlyAndAReplayNone() {
        String shop = "desk-day-version-rating";
        String aug2 = "?from=2026-08-02&to=2026-08-02";
        String aug3 = "?from=2026-08-03&to=2026-08-03";
        String others = "?from=2026-08-04&to=2026-08-31";
        String aug2Before = version(shop, aug2);
        String othersBefore = version(shop, others);
        String rating = "{\"buyerId\":\"b1\",\"ratedAt\":\"2026-08-02T10:00:00+08:00\",\"description\":5,"
                + "\"service\":5,\"logistics\":5}";
        as(shop, "erp").body(rating).put("/shops/{s}/ratings/{o}", shop, "DV-O1").then().statusCode(200);
        String aug2After = version(shop, aug2);
        assertNotEquals(aug2Before, aug2After, "the DSR of the 180 days from the rating's day reads that day");
        String aug3Before = version(shop, aug3);
        assertEquals(othersBefore, version(shop, others));

        as(shop, "erp").body(rating).put("/shops/{s}/ratings/{o}", shop, "DV-O1").then().statusCode(200);
        assertEquals(aug2After, version(shop, aug2), "the same rating again changes nothing");

        // moved to the next day, and low enough to open a follow-up ticket on it
        as(shop, "erp").body("{\"buyerId\":\"b1\",\"ratedAt\":\"2026-08-03T10:00:00+08:00\",\"description\":1,"
                + "\"service\":1,\"logistics\":1}").put("/shops/{s}/ratings/{o}", shop, "DV-O1").then()
                .statusCode(200);
        assertNotEquals(aug2After, version(shop, aug2), "the day it left");
        assertNotEquals(aug3Before, version(shop, aug3), "the day it entered");
        assertEquals(othersBefore, version(shop, others));
    }

    @Test
    void aTicketMovesTheDayItWasOpenedOn() {
        String shop = "desk-day-version-ticket";
        String sep1 = "?from=2026-09-01&to=2026-09-01";
        String others = "?from=2026-09-02&to=2026-09-30";
        String sep1Before = version(shop, sep1);
        String othersBefore = version(shop, others);
        // 23:30 on September 1st in Asia/Shanghai; worked on the next day
        String ticket = "{\"type\":\"COMPLAINT\",\"buyerId\":\"b1\",\"openedAt\":\"2026-09-01T15:30:00Z\"}";
        as(shop, "agent").body(ticket).put("/shops/{s}/tickets/{t}", shop, "DV-T1").then().statusCode(200);
        String opened = version(shop, sep1);
        assertNotEquals(sep1Before, opened);
        as(shop, "agent").body(ticket).put("/shops/{s}/tickets/{t}", shop, "DV-T1").then().statusCode(200);
        assertEquals(opened, version(shop, sep1), "opening it again changes nothing");

        as(shop, "agent").body("{\"at\":\"2026-09-02T01:00:00Z\"}").post("/shops/{s}/tickets/{t}/resolve", shop, "DV-T1")
                .then().statusCode(200);
        String resolved = version(shop, sep1);
        assertNotEquals(opened, resolved, "its resolution counts on the day it was opened");
        assertEquals(othersBefore, version(shop, others));
        as(shop, "agent").body("{\"at\":\"2026-09-02T01:00:00Z\"}").post("/shops/{s}/tickets/{t}/resolve", shop, "DV-T1")
                .then().statusCode(200);
        assertEquals(resolved, version(shop, sep1), "a retried command changes nothing");
    }

    /** Shifts and handovers feed the agents' daily report, which no reader keeps: they move no day. */
    @Test
    void shiftsAndHandoversMoveNoDay() {
        String shop = "desk-day-version-shifts";
        String range = "?from=2026-07-01&to=2026-07-31";
        String before = version(shop, range);
        as(shop, "agent").body("{\"event\":\"SIGN_IN\",\"at\":\"2026-07-01T01:00:00Z\"}")
                .post("/shops/{s}/agents/{a}/shifts", shop, "amy").then().statusCode(200);
        as(shop, "agent").body("{\"outgoingAgentId\":\"amy\",\"incomingAgentId\":\"bob\","
                + "\"handedOverAt\":\"2026-07-01T10:00:00Z\",\"notes\":\"nothing open\"}")
                .put("/shops/{s}/handovers/{h}", shop, "DV-H1").then().statusCode(200);
        as(shop, "agent").body("{\"agentId\":\"bob\",\"at\":\"2026-07-01T10:05:00Z\"}")
                .post("/shops/{s}/handovers/{h}/acknowledge", shop, "DV-H1").then().statusCode(200);
        assertEquals(before, version(shop, range));
    }

    /**
     * The clock alone makes an open ticket a breach: the timed rule moves its opening day once the
     * deadline is behind it, and leaves a ticket waiting on the buyer (its clock stands still) alone.
     */
    @Test
    void anSlaDeadlinePassingOnAnOpenTicketMovesItsDay() {
        String shop = "desk-day-version-sla";
        // opened at 09:00 on October 10th in Asia/Shanghai, a complaint: due 24 hours later
        as(shop, "agent").body("{\"type\":\"COMPLAINT\",\"buyerId\":\"b1\",\"openedAt\":\"2026-10-10T01:00:00Z\"}")
                .put("/shops/{s}/tickets/{t}", shop, "DV-S1").then().statusCode(200);
        // opened on the 12th with the same hour's deadline pushed back while it waits on the buyer
        as(shop, "agent").body("{\"type\":\"DISPUTE\",\"buyerId\":\"b2\",\"openedAt\":\"2026-10-11T17:00:00Z\"}")
                .put("/shops/{s}/tickets/{t}", shop, "DV-S2").then().statusCode(200);
        as(shop, "agent").body("{\"at\":\"2026-10-11T17:30:00Z\"}").post("/shops/{s}/tickets/{t}/start", shop, "DV-S2")
                .then().statusCode(200);
        as(shop, "agent").body("{\"at\":\"2026-10-11T18:00:00Z\"}").post("/shops/{s}/tickets/{t}/wait-buyer", shop, "DV-S2")
                .then().statusCode(200);
        String tenth = version(shop, "?from=2026-10-10&to=2026-10-10");
        String twelfth = version(shop, "?from=2026-10-12&to=2026-10-12");
        String others = version(shop, "?from=2026-10-13&to=2026-10-31");

        sla.markPassed(Instant.parse("2026-10-10T12:00:00Z"), Instant.parse("2026-10-11T01:00:00Z"));
        assertEquals(tenth, version(shop, "?from=2026-10-10&to=2026-10-10"), "due at the end of that window, not yet past");
        assertTrue(sla.markPassed(Instant.parse("2026-10-11T01:00:00Z"), Instant.parse("2026-10-11T02:00:00Z")) >= 1);
        assertNotEquals(tenth, version(shop, "?from=2026-10-10&to=2026-10-10"));
        assertEquals(others, version(shop, "?from=2026-10-13&to=2026-10-31"));

        sla.markPassed(Instant.parse("2026-10-12T00:00:00Z"), Instant.parse("2026-10-13T00:00:00Z"));
        assertEquals(twelfth, version(shop, "?from=2026-10-12&to=2026-10-12"), "waiting on the buyer, its clock stands still");
    }
}
