package storeops.desk;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static storeops.desk.Api.as;
import static storeops.desk.Api.conversation;
import static storeops.desk.Api.message;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Response metrics from message times (rules.md, counting rules), shop zone Asia/Shanghai (+08:00).
 *
 * C1 b1/a1 starts 2026-03-01 23:58 and runs past midnight: B 23:58:00, BOT 23:58:05, B 23:58:30,
 *    A 23:59:00 (round 1 answered after 60 s: the bot is no answer, the second buyer line joins the
 *    round), B 00:05:00 next day, A 00:10:00 (round 2, 300 s, over three minutes). Day 03-01.
 * C2 b2/a2 starts 10:00: B 10:00:00, A 10:00:10 (10 s).
 * C3 b3/a1 starts 12:00: B 12:00:00, BOT 12:00:01: unanswered buyer, one round, no reply.
 * C4 b2/a1 starts 15:00, b2's second chat of the day: B 15:00:00, A 15:02:00 (120 s).
 */
@QuarkusTest
class ConversationMetricsTest {

    private static final String SHOP = "conv-shop";
    private static boolean stored;

    @BeforeEach
    void chats() {
        if (stored) {
            return;
        }
        stored = true;
        put("C1", conversation("b1", "a1", "2026-03-01T23:58:00+08:00",
                message("BUYER", "2026-03-01T23:58:00+08:00"), message("BOT", "2026-03-01T23:58:05+08:00"),
                message("BUYER", "2026-03-01T23:58:30+08:00"), message("AGENT", "2026-03-01T23:59:00+08:00"),
                message("BUYER", "2026-03-02T00:05:00+08:00"), message("AGENT", "2026-03-02T00:10:00+08:00")));
        put("C2", conversation("b2", "a2", "2026-03-01T10:00:00+08:00",
                message("BUYER", "2026-03-01T10:00:00+08:00"), message("AGENT", "2026-03-01T10:00:10+08:00")));
        put("C3", conversation("b3", "a1", "2026-03-01T12:00:00+08:00",
                message("BUYER", "2026-03-01T12:00:00+08:00"), message("BOT", "2026-03-01T12:00:01+08:00")));
        put("C4", conversation("b2", "a1", "2026-03-01T15:00:00+08:00",
                message("BUYER", "2026-03-01T15:00:00+08:00"), message("AGENT", "2026-03-01T15:02:00+08:00")));
    }

    private static void put(String id, String body) {
        as(SHOP, "agent").body(body).put("/shops/{s}/conversations/{c}", SHOP, id).then().statusCode(200)
                .body("outcome", equalTo("CREATED"));
    }

    @Test
    void theDayOfAConversationIsTheDayItStarted() {
        // 4 conversations on 03-01; C1's late round is still 03-01's
        // receivedBuyers = {b1, b2, b3} = 3
        // replyRate = C1, C2, C4 replied / 4 = 0.75
        // firstResponseSeconds = (60 + 10 + 120) / 3 = 63.333333
        // avgResponseSeconds = rounds answered 60, 300, 10, 120 -> 490 / 4 = 122.5
        // threeMinuteResponseRate = within 180 s: 60, 10, 120 -> 3 / rounds 2 + 1 + 1 + 1 = 0.6
        as(SHOP, "analyst").get("/shops/{s}/desk/metrics?from=2026-03-01&to=2026-03-01", SHOP).then().statusCode(200)
                .body("metrics.receivedBuyers", equalTo(3))
                .body("metrics.replyRate", equalTo(0.75f))
                .body("metrics.firstResponseSeconds", equalTo(63.333333f))
                .body("metrics.avgResponseSeconds", equalTo(122.5f))
                .body("metrics.threeMinuteResponseRate", equalTo(0.6f));
        // 03-02 has no conversation of its own: zero buyers, ratios null
        as(SHOP, "analyst").get("/shops/{s}/desk/metrics?from=2026-03-02&to=2026-03-02", SHOP).then().statusCode(200)
                .body("metrics.receivedBuyers", equalTo(0))
                .body("metrics.replyRate", nullValue())
                .body("metrics.firstResponseSeconds", nullValue())
                .body("metrics.threeMinuteResponseRate", nullValue());
        as(SHOP, "analyst").get("/shops/{s}/desk/metrics/daily?from=2026-03-01&to=2026-03-02", SHOP).then()
                .statusCode(200).body("days.date", contains("2026-03-01", "2026-03-02"))
                .body("days[0].metrics.receivedBuyers", equalTo(3)).body("days[1].metrics.receivedBuyers", equalTo(0));
    }

    @Test
    void everyDeskKeyIsAnswered() {
        as(SHOP, "analyst").get("/shops/{s}/desk/metrics?from=2026-03-01&to=2026-03-01", SHOP).then().statusCode(200)
                .body("metrics.keySet()", org.hamcrest.Matchers.containsInAnyOrder("receivedBuyers",
                        "firstResponseSeconds", "avgResponseSeconds", "replyRate", "threeMinuteResponseRate",
                        "ticketResolutionRate", "slaBreaches", "dsrDescription", "dsrService", "dsrLogistics",
                        "dsrLowScoreBuyers"));
    }

    @Test
    void aBotReplyIsNoAnswerAndTheUnansweredBuyerStillWaits() {
        as(SHOP, "agent").get("/shops/{s}/conversations/{c}", SHOP, "C1").then().statusCode(200)
                .body("rounds", equalTo(2)).body("answeredRounds", equalTo(2))
                .body("firstResponseSeconds", equalTo(60.0f)).body("messages", hasSize(6));
        as(SHOP, "agent").get("/shops/{s}/conversations/{c}", SHOP, "C3").then().statusCode(200)
                .body("rounds", equalTo(1)).body("answeredRounds", equalTo(0))
                .body("firstResponseSeconds", nullValue()).body("waitingSince", equalTo("2026-03-01T04:00:00Z"));
    }

    @Test
    void firstChatsCreditTheAgentOfTheBuyersFirstConversation() {
        // b2 chatted twice on 03-01 (C2 with a2 at 10:00, C4 with a1 at 15:00): one row, credited to a2
        as(SHOP, "analyst").get("/shops/{s}/desk/first-chats?from=2026-03-01&to=2026-03-01", SHOP).then()
                .statusCode(200).body("firstChats", hasSize(3))
                .body("firstChats.buyerId", contains("b1", "b2", "b3"))
                .body("firstChats[1].day", equalTo("2026-03-01"))
                .body("firstChats[1].firstMessageAt", equalTo("2026-03-01T02:00:00Z"))
                .body("firstChats[1].agentId", equalTo("a2"))
                .body("firstChats[0].firstMessageAt", equalTo("2026-03-01T15:58:00Z"));
        as(SHOP, "analyst").get("/shops/{s}/desk/consulted-buyers?from=2026-03-01&to=2026-03-01", SHOP).then()
                .statusCode(200).body("buyerIds", contains("b1", "b2", "b3"));
    }

    @Test
    void firstChatsComeByDayThenBuyer() {
        String shop = "first-chats-by-day";
        // written out of order: z on 03-01, a on 03-02, m on 03-01 (Shanghai days)
        as(shop, "agent").body(conversation("z", "a1", "2026-03-01T02:00:00Z", message("BUYER", "2026-03-01T02:00:00Z")))
                .put("/shops/{s}/conversations/{c}", shop, "D1").then().statusCode(200);
        as(shop, "agent").body(conversation("a", "a1", "2026-03-02T02:00:00Z", message("BUYER", "2026-03-02T02:00:00Z")))
                .put("/shops/{s}/conversations/{c}", shop, "D2").then().statusCode(200);
        as(shop, "agent").body(conversation("m", "a2", "2026-03-01T03:00:00Z", message("BUYER", "2026-03-01T03:00:00Z")))
                .put("/shops/{s}/conversations/{c}", shop, "D3").then().statusCode(200);
        as(shop, "analyst").get("/shops/{s}/desk/first-chats?from=2026-03-01&to=2026-03-02", shop).then()
                .statusCode(200).body("firstChats.day", contains("2026-03-01", "2026-03-01", "2026-03-02"))
                .body("firstChats.buyerId", contains("m", "z", "a"));
    }

    @Test
    void agentsGetTheirOwnResponseFigures() {
        // a1: C1, C3, C4 -> buyers b1, b3, b2; replied 2 of 3 = 0.666667; first (60 + 120) / 2 = 90;
        //     average (60 + 300 + 120) / 3 = 160; three-minute 2 of 4 rounds = 0.5
        // a2: C2 -> 1 buyer, replied 1, first 10, average 10, three-minute 1
        as(SHOP, "analyst").get("/shops/{s}/desk/agents?from=2026-03-01&to=2026-03-01", SHOP).then().statusCode(200)
                .body("agents.agentId", contains("a1", "a2"))
                .body("agents[0].conversations", equalTo(3)).body("agents[0].receivedBuyers", equalTo(3))
                .body("agents[0].replyRate", equalTo(0.666667f))
                .body("agents[0].firstResponseSeconds", equalTo(90.0f))
                .body("agents[0].avgResponseSeconds", equalTo(160.0f))
                .body("agents[0].threeMinuteResponseRate", equalTo(0.5f))
                .body("agents[1].replyRate", equalTo(1.0f)).body("agents[1].firstResponseSeconds", equalTo(10.0f));
    }

    @Test
    void aLaterPutAppendsMessagesAndAReplayDuplicatesNothing() {
        String shop = "append-shop";
        String first = conversation("x1", "a1", "2026-04-01T10:00:00+08:00",
                message("BUYER", "2026-04-01T10:00:00+08:00"), message("AGENT", "2026-04-01T10:00:30+08:00"));
        as(shop, "agent").body(first).put("/shops/{s}/conversations/{c}", shop, "X").then().statusCode(200)
                .body("outcome", equalTo("CREATED")).body("messagesAdded", equalTo(2)).body("day", equalTo("2026-04-01"));
        as(shop, "agent").body(first).put("/shops/{s}/conversations/{c}", shop, "X").then().statusCode(200)
                .body("outcome", equalTo("UNCHANGED")).body("messagesAdded", equalTo(0));
        String longer = conversation("x1", "a1", "2026-04-01T10:00:00+08:00",
                message("BUYER", "2026-04-01T10:00:00+08:00"), message("AGENT", "2026-04-01T10:00:30+08:00"),
                message("BUYER", "2026-04-01T10:05:00+08:00"), message("AGENT", "2026-04-01T10:09:00+08:00"));
        as(shop, "agent").body(longer).put("/shops/{s}/conversations/{c}", shop, "X").then().statusCode(200)
                .body("outcome", equalTo("UPDATED")).body("messagesAdded", equalTo(2));
        as(shop, "agent").body(longer).put("/shops/{s}/conversations/{c}", shop, "X").then().statusCode(200)
                .body("outcome", equalTo("UNCHANGED"));
        as(shop, "agent").get("/shops/{s}/conversations/{c}", shop, "X").then().statusCode(200)
                .body("messages", hasSize(4)).body("rounds", equalTo(2));
        // rounds answered after 30 s and 240 s: average 135, one of two within three minutes
        as(shop, "analyst").get("/shops/{s}/desk/metrics?from=2026-04-01&to=2026-04-01", shop).then().statusCode(200)
                .body("metrics.receivedBuyers", equalTo(1)).body("metrics.avgResponseSeconds", equalTo(135.0f))
                .body("metrics.threeMinuteResponseRate", equalTo(0.5f)).body("metrics.firstResponseSeconds", equalTo(30.0f));
    }

    @Test
    void simultaneousDeliveriesOfOneConversationStoreItOnce() throws Exception {
        String shop = "race-shop";
        String body = conversation("r1", "a1", "2026-04-02T10:00:00+08:00",
                message("BUYER", "2026-04-02T10:00:00+08:00"), message("AGENT", "2026-04-02T10:00:05+08:00"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> as(shop, "agent").body(body)
                        .put("/shops/{s}/conversations/{c}", shop, "RACE").statusCode()));
            }
            for (var call : calls) {
                org.junit.jupiter.api.Assertions.assertEquals(200, call.get());
            }
        } finally {
            pool.shutdown();
        }
        as(shop, "agent").get("/shops/{s}/conversations/{c}", shop, "RACE").then().statusCode(200)
                .body("messages", hasSize(2)).body("rounds", equalTo(1));
    }

    @Test
    void badInputIsA400AndStoresNothing() {
        String shop = "bad-conv-shop";
        as(shop, "agent").body("{\"agentId\":\"a\",\"startedAt\":\"2026-03-01T00:00:00Z\",\"messages\":[]}")
                .put("/shops/{s}/conversations/{c}", shop, "B1").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("buyerId"));
        as(shop, "agent").body(conversation("b", "a", "2026-03-01T00:00:00Z", message("ROBOT", "2026-03-01T00:00:01Z")))
                .put("/shops/{s}/conversations/{c}", shop, "B2").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("messages[0].sender"));
        as(shop, "agent").body(conversation("b", "a", "2026-03-01T00:00:00Z", message("BUYER", "2026-02-28T23:00:00Z")))
                .put("/shops/{s}/conversations/{c}", shop, "B3").then().statusCode(400)
                .body("errors.field", hasItem("messages[0].sentAt"));
        as(shop, "agent").body("{oops").put("/shops/{s}/conversations/{c}", shop, "B4").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(shop, "agent").get("/shops/{s}/conversations/{c}", shop, "B3").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        as(shop, "analyst").get("/shops/{s}/desk/metrics?from=2026-03-05&to=2026-03-01", shop).then().statusCode(400)
                .body("errors.field", hasItem("to"));
        as(shop, "analyst").get("/shops/{s}/desk/first-chats?from=nope&to=2026-03-01", shop).then().statusCode(400)
                .body("errors.field", hasItem("from"));
    }
}
