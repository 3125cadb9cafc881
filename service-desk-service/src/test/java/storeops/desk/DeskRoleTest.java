package storeops.desk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static storeops.desk.Api.as;
import static storeops.desk.Api.conversation;
import static storeops.desk.Api.message;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import storeops.testing.Tokens;

/**
 * The role table of the desk: agents write conversations, tickets, handovers and shifts; ratings come
 * from the ERP or the operator; analysts read metrics and the join endpoints only; the operator does
 * everything; a tracker nothing here.
 */
@QuarkusTest
class DeskRoleTest {

    private static final String SHOP = "role-shop";
    private static final String PERIOD = "?from=2026-08-01&to=2026-08-01";

    @Inject
    AgroalDataSource dataSource;

    private record Call(String name, String verb, String path, String body) {
        RequestSpecification request(String role) {
            RequestSpecification r = as(SHOP, role);
            if (body != null) {
                r = r.body(body);
            }
            return r;
        }

        int status(String role) {
            return request(role).request(verb, path.replace("{s}", SHOP)).statusCode();
        }
    }

    private static final Call PUT_CONVERSATION = new Call("PUT conversation", "PUT", "/shops/{s}/conversations/RC1",
            conversation("rb", "ra", "2026-08-01T10:00:00Z", message("BUYER", "2026-08-01T10:00:00Z")));
    private static final Call PUT_TICKET = new Call("PUT ticket", "PUT", "/shops/{s}/tickets/RT1",
            "{\"type\":\"COMPLAINT\",\"openedAt\":\"2026-08-01T10:00:00Z\"}");
    private static final Call SHIFT = new Call("POST shift", "POST", "/shops/{s}/agents/ra/shifts",
            "{\"event\":\"SIGN_IN\",\"at\":\"2026-08-01T09:00:00Z\"}");
    private static final Call HANDOVER = new Call("PUT handover", "PUT", "/shops/{s}/handovers/RH1",
            "{\"outgoingAgentId\":\"ra\",\"ticketIds\":[],\"conversationIds\":[]}");
    private static final Call RATING = new Call("PUT rating", "PUT", "/shops/{s}/ratings/RO1",
            "{\"buyerId\":\"rb\",\"ratedAt\":\"2026-08-01T10:00:00Z\",\"description\":5}");
    private static final Call METRICS = new Call("GET metrics", "GET", "/shops/{s}/desk/metrics" + PERIOD, null);
    private static final Call DAILY = new Call("GET metrics/daily", "GET", "/shops/{s}/desk/metrics/daily" + PERIOD, null);
    private static final Call FIRST_CHATS = new Call("GET first-chats", "GET", "/shops/{s}/desk/first-chats" + PERIOD, null);
    private static final Call CONSULTED = new Call("GET consulted-buyers", "GET",
            "/shops/{s}/desk/consulted-buyers" + PERIOD, null);
    private static final Call AGENTS = new Call("GET desk/agents", "GET", "/shops/{s}/desk/agents" + PERIOD, null);
    private static final Call DSR = new Call("GET dsr", "GET", "/shops/{s}/desk/dsr?date=2026-08-01", null);
    private static final Call BREACHED = new Call("GET tickets?breached", "GET", "/shops/{s}/tickets?breached=true", null);
    private static final Call REPORT = new Call("GET agents/daily", "GET", "/shops/{s}/desk/agents/daily?date=2026-08-01",
            null);
    private static final Call CONVERSATION = new Call("GET conversation", "GET", "/shops/{s}/conversations/RC1", null);

    private static final List<Call> WRITES = List.of(PUT_CONVERSATION, PUT_TICKET, SHIFT, HANDOVER, RATING);
    private static final List<Call> ANALYST_READS = List.of(METRICS, DAILY, FIRST_CHATS, CONSULTED, AGENTS, DSR,
            BREACHED, REPORT);

    private static void expect(String role, List<Call> calls, int expected, List<String> failures) {
        for (Call c : calls) {
            int status = c.status(role);
            if (status != expected) {
                failures.add(role + " " + c.name() + " answered " + status + ", expected " + expected);
            }
        }
    }

    @Test
    void eachRoleDoesWhatTheRoleTableAllowsAndNothingElse() {
        List<String> failures = new ArrayList<>();
        // operator: everything
        expect("operator", WRITES, 200, failures);
        expect("operator", ANALYST_READS, 200, failures);
        expect("operator", List.of(CONVERSATION), 200, failures);
        // agent: its writes and its report, not ratings nor the metrics and join endpoints
        expect("agent", List.of(PUT_CONVERSATION, PUT_TICKET, SHIFT, HANDOVER, CONVERSATION, BREACHED, REPORT), 200,
                failures);
        expect("agent", List.of(RATING, METRICS, DAILY, FIRST_CHATS, CONSULTED, AGENTS, DSR), 403, failures);
        // analyst: reads metrics and joins only, never writes nor reads a chat log
        expect("analyst", ANALYST_READS, 200, failures);
        expect("analyst", WRITES, 403, failures);
        expect("analyst", List.of(CONVERSATION), 403, failures);
        // erp: ratings only
        expect("erp", List.of(RATING), 200, failures);
        expect("erp", List.of(PUT_CONVERSATION, PUT_TICKET, SHIFT, HANDOVER, METRICS, FIRST_CHATS, CONVERSATION,
                REPORT), 403, failures);
        // tracker: nothing
        expect("tracker", WRITES, 403, failures);
        expect("tracker", ANALYST_READS, 403, failures);
        assertEquals(List.of(), failures);
    }

    @Test
    void refusalsAreProblemDocumentsAndTokensAreChecked() {
        as(SHOP, "analyst").body(PUT_CONVERSATION.body()).put("/shops/{s}/conversations/RC9", SHOP).then()
                .statusCode(403).contentType(startsWith("application/problem+json"));
        given().header("Authorization", Tokens.bearer(Tokens.expired(SHOP, "operator")))
                .get("/shops/{s}/desk/metrics" + PERIOD, SHOP).then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", Tokens.bearer(Tokens.badlySigned(SHOP, "operator")))
                .get("/shops/{s}/desk/metrics" + PERIOD, SHOP).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.wrongIssuer(SHOP, "operator")))
                .get("/shops/{s}/desk/metrics" + PERIOD, SHOP).then().statusCode(401);
    }

    @Test
    void everyAcceptedWriteLeavesAnAuditRow() throws Exception {
        String shop = "audit-shop";
        // a caller that talks to the service directly cannot choose the address the audit keeps
        as(shop, "agent").header("X-Forwarded-For", "203.0.113.9")
                .body(conversation("ab", "aa", "2026-08-02T10:00:00Z", message("BUYER", "2026-08-02T10:00:00Z")))
                .put("/shops/{s}/conversations/{c}", shop, "AC1").then().statusCode(200);
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT subject, method, status, remote_address FROM audit_log WHERE shop_id = ? AND path LIKE ?")) {
            q.setString(1, shop);
            q.setString(2, "%/conversations/AC1");
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "no audit row");
                assertEquals("test-agent", rs.getString(1));
                assertEquals("PUT", rs.getString(2));
                assertEquals(200, rs.getInt(3));
                assertNotEquals("203.0.113.9", rs.getString(4));
            }
        }
    }
}
