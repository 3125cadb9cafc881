package storeops.desk;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static storeops.desk.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SLA clocks against a fixed "now" of 2026-03-13T01:00Z; every command passes its own {@code at}.
 * Shop zone Asia/Shanghai: all tickets but T5 open on the natural day 2026-03-10.
 *
 * T1 COMPLAINT opened 03-10T00:00Z, deadline 24 h later (03-11T00:00Z); start 01:00, wait-buyer 02:00,
 *    resume 12:00 (10 h paused, deadline 03-11T10:00Z), resolved 03-11T09:00Z: met, only thanks to the pause.
 * T2 INVOICE opened 03-10T00:00Z, 72 h: deadline 03-13T00:00Z, still open at now: breached.
 * T3 AFTER_SALE opened 03-10T06:00Z, deadline 03-11T06:00Z, resolved 03-11T07:00Z: breached (late).
 * T4 DISPUTE opened 03-10T08:00Z, waiting on the buyer since 09:00Z: its clock stands at 1 h, not breached.
 * T5 COMPLAINT opened 03-12T05:00Z (03-12 in Shanghai), deadline 03-13T05:00Z: due within 4 h, not 3.
 */
@QuarkusTest
class TicketSlaTest {

    private static final String SHOP = "ticket-shop";
    private static boolean stored;

    @Inject
    TestClock clock;

    @BeforeEach
    void tickets() {
        clock.set(Instant.parse("2026-03-13T01:00:00Z"));
        if (stored) {
            return;
        }
        stored = true;
        open("T1", "COMPLAINT", "2026-03-10T00:00:00Z");
        command("T1", "start", "2026-03-10T01:00:00Z");
        command("T1", "wait-buyer", "2026-03-10T02:00:00Z");
        command("T1", "resume", "2026-03-10T12:00:00Z");
        command("T1", "resolve", "2026-03-11T09:00:00Z");
        open("T2", "INVOICE", "2026-03-10T00:00:00Z");
        open("T3", "AFTER_SALE", "2026-03-10T06:00:00Z");
        command("T3", "start", "2026-03-10T07:00:00Z");
        command("T3", "resolve", "2026-03-11T07:00:00Z");
        open("T4", "DISPUTE", "2026-03-10T08:00:00Z");
        command("T4", "start", "2026-03-10T08:30:00Z");
        command("T4", "wait-buyer", "2026-03-10T09:00:00Z");
        open("T5", "COMPLAINT", "2026-03-12T05:00:00Z");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static void open(String id, String type, String openedAt) {
        open(SHOP, id, type, openedAt);
    }

    private static void open(String shop, String id, String type, String openedAt) {
        as(shop, "agent").body("{\"type\":\"" + type + "\",\"orderNo\":\"O-" + id + "\",\"buyerId\":\"buyer-" + id
                + "\",\"openedAt\":\"" + openedAt + "\",\"note\":\"opened by test\"}")
                .put("/shops/{s}/tickets/{t}", shop, id).then().statusCode(200).body("outcome", equalTo("CREATED"));
    }

    private static io.restassured.response.ValidatableResponse command(String id, String command, String at) {
        return command(SHOP, id, command, at);
    }

    private static io.restassured.response.ValidatableResponse command(String shop, String id, String command,
            String at) {
        return as(shop, "agent").body("{\"at\":\"" + at + "\"}")
                .post("/shops/{s}/tickets/{t}/" + command, shop, id).then();
    }

    @Test
    void waitingOnTheBuyerPausesTheClock() {
        as(SHOP, "agent").get("/shops/{s}/tickets/{t}", SHOP, "T1").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("slaDeadline", equalTo("2026-03-11T10:00:00Z"))
                .body("pausedSeconds", equalTo(36000.0f)).body("breached", equalTo(false))
                .body("history.event", contains("open", "start", "wait-buyer", "resume", "resolve"))
                .body("history[2].toStatus", equalTo("WAITING_BUYER"));
        // still waiting: 03-11T08:00Z pushed back by the 64 h waited since 03-10T09:00Z = 03-14T00:00Z
        as(SHOP, "agent").get("/shops/{s}/tickets/{t}", SHOP, "T4").then().statusCode(200)
                .body("status", equalTo("WAITING_BUYER")).body("breached", equalTo(false))
                .body("slaDeadline", equalTo("2026-03-14T00:00:00Z"));
    }

    @Test
    void resolutionRateAndBreachesCountTicketsOpenedInThePeriod() {
        // opened on 03-10: T1, T2, T3, T4; resolved or closed: T1, T3 -> 0.5; breached: T2 (open past), T3 (late)
        as(SHOP, "analyst").get("/shops/{s}/desk/metrics?from=2026-03-10&to=2026-03-10", SHOP).then().statusCode(200)
                .body("metrics.ticketResolutionRate", equalTo(0.5f)).body("metrics.slaBreaches", equalTo(2));
        // 03-12: T5 only, open and within its deadline
        as(SHOP, "analyst").get("/shops/{s}/desk/metrics?from=2026-03-12&to=2026-03-12", SHOP).then().statusCode(200)
                .body("metrics.ticketResolutionRate", equalTo(0.0f)).body("metrics.slaBreaches", equalTo(0));
    }

    @Test
    void breachesAndNearBreachesAreListed() {
        as(SHOP, "analyst").get("/shops/{s}/tickets?breached=true", SHOP).then().statusCode(200)
                .body("tickets.ticketId", contains("T2")).body("total", equalTo(1));
        as(SHOP, "analyst").get("/shops/{s}/tickets?breached=true&includeFinished=true", SHOP).then().statusCode(200)
                .body("tickets.ticketId", contains("T3", "T2"));
        as(SHOP, "analyst").get("/shops/{s}/tickets?dueWithinHours=4", SHOP).then().statusCode(200)
                .body("tickets.ticketId", contains("T5"));
        as(SHOP, "analyst").get("/shops/{s}/tickets?dueWithinHours=3", SHOP).then().statusCode(200)
                .body("tickets", hasSize(0));
        as(SHOP, "agent").get("/shops/{s}/tickets?type=COMPLAINT&status=OPEN", SHOP).then().statusCode(200)
                .body("tickets.ticketId", contains("T5"));
        as(SHOP, "agent").get("/shops/{s}/tickets?page=1&size=2", SHOP).then().statusCode(200)
                .body("tickets", hasSize(2)).body("total", equalTo(5)).body("page", equalTo(1));
    }

    @Test
    void assignmentAndReassignmentAreHistory() {
        as(SHOP, "agent").body("{\"at\":\"2026-03-12T06:00:00Z\",\"assignee\":\"amy\"}")
                .post("/shops/{s}/tickets/{t}/assign", SHOP, "T5").then().statusCode(200)
                .body("assignee", equalTo("amy")).body("status", equalTo("OPEN"));
        as(SHOP, "agent").body("{\"at\":\"2026-03-12T07:00:00Z\",\"assignee\":\"bob\",\"note\":\"amy off shift\"}")
                .post("/shops/{s}/tickets/{t}/assign", SHOP, "T5").then().statusCode(200)
                .body("assignee", equalTo("bob")).body("history", hasSize(3))
                .body("history[2].note", equalTo("amy off shift"));
        as(SHOP, "agent").get("/shops/{s}/tickets?assignee=bob", SHOP).then().body("tickets.ticketId", contains("T5"));
        as(SHOP, "agent").body("{\"at\":\"2026-03-12T08:00:00Z\"}").post("/shops/{s}/tickets/{t}/assign", SHOP, "T5")
                .then().statusCode(400).body("errors.field", hasItem("assignee"));
    }

    @Test
    void aForbiddenTransitionIsA409NamingStateAndEvent() {
        command("T1", "wait-buyer", "2026-03-12T00:00:00Z").statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("RESOLVED")).body("detail", containsString("wait-buyer"));
        command("T2", "resume", "2026-03-12T00:00:00Z").statusCode(409)
                .body("detail", containsString("OPEN")).body("detail", containsString("resume"));
        // nothing changed
        as(SHOP, "agent").get("/shops/{s}/tickets/{t}", SHOP, "T1").then().body("history", hasSize(5));
    }

    @Test
    void replaysChangeNothing() {
        as(SHOP, "agent").body("{\"type\":\"COMPLAINT\",\"openedAt\":\"2026-01-01T00:00:00Z\"}")
                .put("/shops/{s}/tickets/{t}", SHOP, "T1").then().statusCode(200)
                .body("outcome", equalTo("UNCHANGED")).body("ticket.openedAt", equalTo("2026-03-10T00:00:00Z"));
        // the same resolve at the same time again: already done
        command("T3", "resolve", "2026-03-11T07:00:00Z").statusCode(200).body("status", equalTo("RESOLVED"))
                .body("history", hasSize(3));
    }

    @Test
    void reopenKeepsTheOriginalDeadline() {
        // its own shop: a reopened ticket past its deadline would change the other tests' figures
        String shop = "reopen-shop";
        open(shop, "T6", "COMPLAINT", "2026-03-12T00:00:00Z");
        command(shop, "T6", "resolve", "2026-03-12T02:00:00Z").statusCode(200);
        command(shop, "T6", "close", "2026-03-12T03:00:00Z").statusCode(200).body("status", equalTo("CLOSED"));
        command(shop, "T6", "close", "2026-03-12T03:30:00Z").statusCode(409);
        command(shop, "T6", "reopen", "2026-03-12T04:00:00Z").statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("slaDeadline", equalTo("2026-03-13T00:00:00Z")).body("breached", equalTo(true))
                .body("resolvedAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aCommandWithoutBodyHappensNow() throws Exception {
        String shop = "now-shop";
        open(shop, "T7", "COMPLAINT", "2026-03-12T00:00:00Z");
        // as curl -X POST sends it: no body, no content type
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + io.restassured.RestAssured.port + "/shops/" + shop + "/tickets/T7/start"))
                .header("Authorization", storeops.testing.Tokens.bearer(storeops.testing.Tokens.forShop(shop, "agent")))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(200, response.statusCode(), response.body());
        as(shop, "agent").get("/shops/{s}/tickets/{t}", shop, "T7").then().body("status", equalTo("IN_PROGRESS"))
                .body("history[1].at", equalTo("2026-03-13T01:00:00Z"));
    }

    @Test
    void badCommandsAre4xx() {
        // at before the ticket's last change
        command("T2", "start", "2026-03-09T00:00:00Z").statusCode(400).body("errors.field", hasItem("at"));
        command("NOPE", "start", "2026-03-12T00:00:00Z").statusCode(404).contentType(startsWith("application/problem+json"));
        command("T2", "escalate", "2026-03-12T00:00:00Z").statusCode(404).contentType(startsWith("application/problem+json"));
        as(SHOP, "agent").body("{\"type\":\"PARKING\"}").put("/shops/{s}/tickets/{t}", SHOP, "BAD").then()
                .statusCode(400).body("errors.field", hasItem("type"));
        as(SHOP, "agent").body("{\"type\":\"COMPLAINT\",\"priority\":\"SOON\"}").put("/shops/{s}/tickets/{t}", SHOP, "BAD")
                .then().statusCode(400).body("errors.field", hasItem("priority"));
        as(SHOP, "agent").get("/shops/{s}/tickets?status=LOST", SHOP).then().statusCode(400)
                .body("errors.field", hasItem("status"));
        as(SHOP, "agent").get("/shops/{s}/tickets?size=501", SHOP).then().statusCode(400)
                .body("errors.field", hasItem("size"));
        as(SHOP, "agent").get("/shops/{s}/tickets/{t}", SHOP, "BAD").then().statusCode(404);
    }
}
