package storeops.desk;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static storeops.desk.Api.as;
import static storeops.desk.Api.conversation;
import static storeops.desk.Api.message;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HandoverTest {

    private static final String SHOP = "handover-shop";

    @Test
    void theOutgoingShiftLeavesItsOpenTicketsAndWaitingBuyersAndTheIncomingAgentAcknowledges() {
        // amy holds H1 (open) and H2 (resolved); W1's buyer waits for an answer, W2's was answered
        as(SHOP, "agent").body("{\"type\":\"INVOICE\",\"assignee\":\"amy\",\"openedAt\":\"2026-07-01T01:00:00Z\"}")
                .put("/shops/{s}/tickets/{t}", SHOP, "H1").then().statusCode(200);
        as(SHOP, "agent").body("{\"type\":\"COMPLAINT\",\"assignee\":\"amy\",\"openedAt\":\"2026-07-01T01:00:00Z\"}")
                .put("/shops/{s}/tickets/{t}", SHOP, "H2").then().statusCode(200);
        as(SHOP, "agent").body("{\"at\":\"2026-07-01T02:00:00Z\"}").post("/shops/{s}/tickets/{t}/resolve", SHOP, "H2")
                .then().statusCode(200);
        as(SHOP, "agent").body(conversation("w1", "amy", "2026-07-01T03:00:00Z", message("BUYER", "2026-07-01T03:00:00Z")))
                .put("/shops/{s}/conversations/{c}", SHOP, "W1").then().statusCode(200);
        as(SHOP, "agent").body(conversation("w2", "amy", "2026-07-01T03:00:00Z", message("BUYER", "2026-07-01T03:00:00Z"),
                message("AGENT", "2026-07-01T03:01:00Z"))).put("/shops/{s}/conversations/{c}", SHOP, "W2").then()
                .statusCode(200);

        String handover = "{\"outgoingAgentId\":\"amy\",\"incomingAgentId\":\"bob\","
                + "\"handedOverAt\":\"2026-07-01T10:00:00Z\",\"notes\":\"H1 needs the company tax id\"}";
        as(SHOP, "agent").body(handover).put("/shops/{s}/handovers/{h}", SHOP, "HO1").then().statusCode(200)
                .body("outcome", equalTo("CREATED")).body("status", equalTo("PENDING"))
                .body("tickets.ticketId", contains("H1")).body("conversations.conversationId", contains("W1"))
                .body("conversations[0].waitingSince", equalTo("2026-07-01T03:00:00Z"));
        as(SHOP, "agent").body(handover).put("/shops/{s}/handovers/{h}", SHOP, "HO1").then().statusCode(200)
                .body("outcome", equalTo("UNCHANGED"));
        as(SHOP, "agent").get("/shops/{s}/handovers/current?incomingAgentId=bob", SHOP).then().statusCode(200)
                .body("handoverId", equalTo("HO1")).body("notes", equalTo("H1 needs the company tax id"));

        as(SHOP, "agent").body("{\"agentId\":\"carl\",\"at\":\"2026-07-01T10:05:00Z\"}")
                .post("/shops/{s}/handovers/{h}/acknowledge", SHOP, "HO1").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("PENDING"));
        as(SHOP, "agent").body("{\"agentId\":\"bob\",\"at\":\"2026-07-01T10:05:00Z\"}")
                .post("/shops/{s}/handovers/{h}/acknowledge", SHOP, "HO1").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("outcome", equalTo("UPDATED"))
                .body("acknowledgedAt", equalTo("2026-07-01T10:05:00Z"));
        as(SHOP, "agent").body("{\"agentId\":\"bob\",\"at\":\"2026-07-01T10:06:00Z\"}")
                .post("/shops/{s}/handovers/{h}/acknowledge", SHOP, "HO1").then().statusCode(200)
                .body("outcome", equalTo("UNCHANGED")).body("acknowledgedAt", equalTo("2026-07-01T10:05:00Z"));
    }

    @Test
    void unknownLinksAndMissingFieldsAreA400() {
        as(SHOP, "agent").body("{\"outgoingAgentId\":\"amy\",\"ticketIds\":[\"NOPE\"],\"conversationIds\":[]}")
                .put("/shops/{s}/handovers/{h}", SHOP, "HO-BAD").then().statusCode(400)
                .body("errors.field", hasItem("ticketIds[0]"));
        as(SHOP, "agent").body("{\"notes\":\"who?\"}").put("/shops/{s}/handovers/{h}", SHOP, "HO-BAD").then()
                .statusCode(400).body("errors.field", hasItem("outgoingAgentId"));
        as(SHOP, "agent").get("/shops/{s}/handovers/{h}", SHOP, "HO-BAD").then().statusCode(404);
        as("empty-handover-shop", "agent").get("/shops/{s}/handovers/current", "empty-handover-shop").then()
                .statusCode(404).contentType(startsWith("application/problem+json"));
    }
}
