package storeops.desk.bench;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import storeops.testing.Tokens;

/**
 * Not part of {@code verify} (the name does not end in Test): run by bench/desk-conversations/run.sh.
 * Measures the conversation PUT (HTTP, JSON, validation, message digests, round computation) and the
 * metrics query against raw JDBC doing the bare minimum on the same machine in the same run, and
 * prints the ratios.
 */
@QuarkusTest
class ConversationIngestBench {

    private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 400);
    private static final int MESSAGES = Integer.getInteger("bench.messages", 10);
    private static final Instant START = Instant.parse("2026-09-01T01:00:00Z");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void ingestAndQuery() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String rawShop = "bench-raw-" + run;
        String shop = "bench-api-" + run;
        String token = Tokens.bearer(Tokens.forShop(shop, "agent", "analyst"));
        List<String> bodies = new ArrayList<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            bodies.add(body(c));
        }
        warmUp(token, shop);

        long t0 = System.nanoTime();
        rawInsert(rawShop);
        double rawSeconds = (System.nanoTime() - t0) / 1e9;

        t0 = System.nanoTime();
        for (int c = 0; c < CONVERSATIONS; c++) {
            given().header("Authorization", token).contentType(ContentType.JSON).body(bodies.get(c))
                    .put("/shops/{s}/conversations/{c}", shop, "C" + c).then().statusCode(200);
        }
        double putSeconds = (System.nanoTime() - t0) / 1e9;

        t0 = System.nanoTime();
        for (int c = 0; c < CONVERSATIONS; c++) {
            given().header("Authorization", token).contentType(ContentType.JSON).body(bodies.get(c))
                    .put("/shops/{s}/conversations/{c}", shop, "C" + c).then().statusCode(200);
        }
        double replaySeconds = (System.nanoTime() - t0) / 1e9;

        int queries = 50;
        t0 = System.nanoTime();
        for (int i = 0; i < queries; i++) {
            rawAggregate(rawShop);
        }
        double rawQuery = (System.nanoTime() - t0) / 1e9 / queries;
        t0 = System.nanoTime();
        for (int i = 0; i < queries; i++) {
            given().header("Authorization", token).get("/shops/{s}/desk/metrics?from=2026-09-01&to=2026-09-01", shop)
                    .then().statusCode(200);
        }
        double apiQuery = (System.nanoTime() - t0) / 1e9 / queries;

        double rows = CONVERSATIONS * (MESSAGES + 1.0);
        System.out.printf("BENCH conversations=%d messagesEach=%d%n", CONVERSATIONS, MESSAGES);
        System.out.printf("BENCH baseline raw JDBC insert: %.0f rows/s%n", rows / rawSeconds);
        System.out.printf("BENCH PUT conversations: %.1f conversations/s, %.0f rows/s, %.2fx the baseline time%n",
                CONVERSATIONS / putSeconds, rows / putSeconds, putSeconds / rawSeconds);
        System.out.printf("BENCH replayed PUTs (nothing new): %.1f conversations/s, %.2fx the baseline time%n",
                CONVERSATIONS / replaySeconds, replaySeconds / rawSeconds);
        System.out.printf("BENCH GET desk/metrics: %.2f ms per call, %.2fx a raw SQL aggregate (%.2f ms)%n",
                apiQuery * 1000, apiQuery / rawQuery, rawQuery * 1000);
    }

    private static String body(int c) {
        StringBuilder messages = new StringBuilder();
        Instant started = START.plusSeconds(c * 60L);
        for (int m = 0; m < MESSAGES; m++) {
            if (m > 0) {
                messages.append(',');
            }
            messages.append("{\"sender\":\"").append(m % 2 == 0 ? "BUYER" : "AGENT").append("\",\"sentAt\":\"")
                    .append(started.plusSeconds(m * 20L)).append("\",\"text\":\"message ").append(m).append("\"}");
        }
        return "{\"buyerId\":\"b" + c + "\",\"agentId\":\"a" + (c % 5) + "\",\"startedAt\":\"" + started
                + "\",\"messages\":[" + messages + "]}";
    }

    private static void warmUp(String token, String shop) {
        for (int i = 0; i < 20; i++) {
            given().header("Authorization", token).contentType(ContentType.JSON).body(body(i))
                    .put("/shops/{s}/conversations/{c}", shop + "-warm", "W" + i);
        }
    }

    /** The least the same data needs: one batch of message rows and one of conversation rows. */
    private void rawInsert(String shop) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement conv = c.prepareStatement("INSERT INTO conversations (shop_id, conversation_id,"
                    + " buyer_id, agent_id, started_at, day, rounds, answered_rounds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement msg = c.prepareStatement("INSERT INTO conversation_messages (shop_id,"
                            + " conversation_id, message_key, seq, sender, sent_at, text) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < CONVERSATIONS; i++) {
                    Instant started = START.plusSeconds(i * 60L);
                    conv.setString(1, shop);
                    conv.setString(2, "C" + i);
                    conv.setString(3, "b" + i);
                    conv.setString(4, "a" + (i % 5));
                    conv.setLong(5, started.toEpochMilli());
                    conv.setString(6, "2026-09-01");
                    conv.setInt(7, MESSAGES / 2);
                    conv.setInt(8, MESSAGES / 2);
                    conv.addBatch();
                    for (int m = 0; m < MESSAGES; m++) {
                        msg.setString(1, shop);
                        msg.setString(2, "C" + i);
                        msg.setString(3, String.format("%064d", m));
                        msg.setInt(4, m);
                        msg.setString(5, m % 2 == 0 ? "BUYER" : "AGENT");
                        msg.setLong(6, started.plusSeconds(m * 20L).toEpochMilli());
                        msg.setString(7, "message " + m);
                        msg.addBatch();
                    }
                }
                conv.executeBatch();
                msg.executeBatch();
            }
            c.commit();
        }
    }

    private void rawAggregate(String shop) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT COUNT(*), COUNT(DISTINCT buyer_id), SUM(rounds) FROM conversations WHERE shop_id = ? AND day = ?")) {
            q.setString(1, shop);
            q.setString(2, "2026-09-01");
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
            }
        }
    }
}
