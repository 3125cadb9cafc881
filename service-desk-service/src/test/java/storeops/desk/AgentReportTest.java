package storeops.desk;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static storeops.desk.Api.as;
import static storeops.desk.Api.conversation;
import static storeops.desk.Api.message;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent daily report of 2026-05-10 (Shanghai).
 *
 * amy: R1 (p1) answered after 20 s, R2 (p2) unanswered -> 2 conversations, 2 buyers, reply 0.5, first and
 *      average 20 s, three-minute 1 of 2 rounds = 0.5; ticket K1 opened and resolved that day (handled 1,
 *      resolved 1); signed in 08:00, break 12:00-13:00, out 17:30 -> work 4 h + 4.5 h = 30600 s, break 3600 s.
 * bob: R3 (p3) answered after 240 s -> reply 1.0, three-minute 0.0; K2 opened the day before, its 24 h
 *      ran out 05-10 09:00 unresolved -> 1 breach, nothing handled; on shift from 05-09 22:00 to 05-10 06:00
 *      -> 6 h = 21600 s of this day, no sign-in this day, signed out 06:00 (2026-05-09T22:00Z).
 */
@QuarkusTest
class AgentReportTest {

    private static final String SHOP = "report-shop";
    private static boolean stored;

    @BeforeEach
    void day() {
        if (stored) {
            return;
        }
        stored = true;
        chat("R1", "p1", "amy", "2026-05-10T09:00:00+08:00", message("BUYER", "2026-05-10T09:00:00+08:00"),
                message("AGENT", "2026-05-10T09:00:20+08:00"));
        chat("R2", "p2", "amy", "2026-05-10T10:00:00+08:00", message("BUYER", "2026-05-10T10:00:00+08:00"));
        chat("R3", "p3", "bob", "2026-05-10T11:00:00+08:00", message("BUYER", "2026-05-10T11:00:00+08:00"),
                message("AGENT", "2026-05-10T11:04:00+08:00"));
        as(SHOP, "agent").body("{\"type\":\"COMPLAINT\",\"assignee\":\"amy\",\"openedAt\":\"2026-05-10T01:00:00Z\"}")
                .put("/shops/{s}/tickets/{t}", SHOP, "K1").then().statusCode(200);
        as(SHOP, "agent").body("{\"at\":\"2026-05-10T03:00:00Z\"}").post("/shops/{s}/tickets/{t}/resolve", SHOP, "K1")
                .then().statusCode(200);
        as(SHOP, "agent").body("{\"type\":\"COMPLAINT\",\"assignee\":\"bob\",\"openedAt\":\"2026-05-09T01:00:00Z\"}")
                .put("/shops/{s}/tickets/{t}", SHOP, "K2").then().statusCode(200);
        shift("amy", "SIGN_IN", "2026-05-10T08:00:00+08:00").statusCode(200).body("state", equalTo("WORKING"));
        shift("amy", "BREAK_START", "2026-05-10T12:00:00+08:00").statusCode(200).body("state", equalTo("ON_BREAK"));
        shift("amy", "BREAK_END", "2026-05-10T13:00:00+08:00").statusCode(200);
        shift("amy", "SIGN_OUT", "2026-05-10T17:30:00+08:00").statusCode(200).body("state", equalTo("OFF"));
        shift("bob", "SIGN_IN", "2026-05-09T22:00:00+08:00").statusCode(200);
        shift("bob", "SIGN_OUT", "2026-05-10T06:00:00+08:00").statusCode(200);
    }

    private static void chat(String id, String buyer, String agent, String startedAt, String... messages) {
        as(SHOP, "agent").body(conversation(buyer, agent, startedAt, messages))
                .put("/shops/{s}/conversations/{c}", SHOP, id).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse shift(String agent, String event, String at) {
        return as(SHOP, "agent").body("{\"event\":\"" + event + "\",\"at\":\"" + at + "\"}")
                .post("/shops/{s}/agents/{a}/shifts", SHOP, agent).then();
    }

    @Test
    void theReportAddsUpChatsTicketsAndWorkTime() {
        as(SHOP, "operator").get("/shops/{s}/desk/agents/daily?date=2026-05-10", SHOP).then().statusCode(200)
                .body("date", equalTo("2026-05-10")).body("agents.agentId", contains("amy", "bob"))
                .body("agents[0].conversations", equalTo(2)).body("agents[0].receivedBuyers", equalTo(2))
                .body("agents[0].replyRate", equalTo(0.5f)).body("agents[0].firstResponseSeconds", equalTo(20.0f))
                .body("agents[0].avgResponseSeconds", equalTo(20.0f))
                .body("agents[0].threeMinuteResponseRate", equalTo(0.5f))
                .body("agents[0].ticketsHandled", equalTo(1)).body("agents[0].ticketsResolved", equalTo(1))
                .body("agents[0].ticketsBreached", equalTo(0))
                .body("agents[0].firstSignInAt", equalTo("2026-05-10T00:00:00Z"))
                .body("agents[0].lastSignOutAt", equalTo("2026-05-10T09:30:00Z"))
                .body("agents[0].workSeconds", equalTo(30600)).body("agents[0].breakSeconds", equalTo(3600))
                .body("agents[1].replyRate", equalTo(1.0f)).body("agents[1].threeMinuteResponseRate", equalTo(0.0f))
                .body("agents[1].ticketsHandled", equalTo(0)).body("agents[1].ticketsBreached", equalTo(1))
                .body("agents[1].firstSignInAt", nullValue())
                .body("agents[1].lastSignOutAt", equalTo("2026-05-09T22:00:00Z"))
                .body("agents[1].workSeconds", equalTo(21600));
    }

    @Test
    void theCsvReportCarriesTheSameFiguresAndNoBuyerData() {
        String csv = as(SHOP, "agent").accept("text/csv").get("/shops/{s}/desk/agents/daily?date=2026-05-10", SHOP)
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("agentId,date,conversations,receivedBuyers,replyRate"))
                .body(containsString("\r\namy,2026-05-10,2,2,0.5,20.0,20.0,0.5,1,1,0,2026-05-10T00:00:00Z,"
                        + "2026-05-10T09:30:00Z,30600,3600\r\n"))
                .extract().asString();
        for (String buyer : new String[] {"p1", "p2", "p3"}) {
            org.junit.jupiter.api.Assertions.assertFalse(csv.contains(buyer), "the report names buyer " + buyer);
        }
        as(SHOP, "analyst").get("/shops/{s}/desk/agents/daily?date=2026-05-10", SHOP).then().statusCode(200)
                .body(not(containsString("\"p1\"")));
    }

    @Test
    void shiftEventsFollowTheShiftAndReplaysChangeNothing() {
        shift("amy", "BREAK_END", "2026-05-10T13:00:00+08:00").statusCode(200).body("outcome", equalTo("UNCHANGED"));
        shift("amy", "SIGN_OUT", "2026-05-10T18:00:00+08:00").statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("OFF")).body("detail", containsString("SIGN_OUT"));
        shift("amy", "SIGN_IN", "2026-05-10T07:00:00+08:00").statusCode(400).body("errors.field", hasItem("at"));
        shift("amy", "NAP", "2026-05-10T19:00:00+08:00").statusCode(400).body("errors.field", hasItem("event"));
        as(SHOP, "operator").get("/shops/{s}/desk/agents/daily?date=10-05-2026", SHOP).then().statusCode(400)
                .body("errors.field", hasItem("date"));
    }
}
