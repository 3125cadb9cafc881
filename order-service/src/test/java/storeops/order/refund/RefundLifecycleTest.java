package storeops.order.refund;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static storeops.order.fixtures.OrderFixtures.as;
import static storeops.order.fixtures.OrderFixtures.order;
import static storeops.order.fixtures.OrderFixtures.refund;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import storeops.order.refund.service.RefundCompletionHold;
import storeops.order.scheduler.TradeTimeoutJobs;

@QuarkusTest
class RefundLifecycleTest {

    private static final String SHOP = "refund-shop";

    @Inject
    RefundCompletionHold hold;

    @Inject
    TradeTimeoutJobs jobs;

    private static void apply(String refundId, String body) {
        as(SHOP, "erp").body(body).put("/shops/{s}/refunds/{r}", SHOP, refundId).then().statusCode(200)
                .body("outcome", equalTo("CREATED"));
    }

    private static io.restassured.response.ValidatableResponse command(String refundId, String event, String body) {
        return as(SHOP, "erp").body(body).post("/shops/{s}/refunds/{r}/" + event, SHOP, refundId).then();
    }

    @Test
    void aReturnGoesThroughEveryStepAndEachStepOutOfOrderIs409() {
        order("rb1").status("WAIT_BUYER_CONFIRM_GOODS").shippedAt("2026-03-01T02:00:00Z").put(SHOP, "RL-1");
        apply("RF-1", refund("RL-1", 1, "100.00", "RETURN_AND_REFUND", "NOT_AS_DESCRIBED", null,
                "2026-03-02T00:00:00Z", "2026-03-02T00:00:00Z"));
        // completing before the goods came back is forbidden, and says the state and the event
        command("RF-1", "complete", "{}").statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("WAIT_SELLER_AGREE")).body("detail", containsString("complete"));
        command("RF-1", "return-shipped", "{\"carrier\":\"SF\",\"trackingNo\":\"SF1\"}").statusCode(409);
        command("RF-1", "agree", "{\"at\":\"2026-03-02T01:00:00Z\"}").statusCode(200)
                .body("status", equalTo("WAIT_BUYER_RETURN_GOODS"));
        command("RF-1", "return-shipped", "{\"at\":\"2026-03-02T02:00:00Z\"}").statusCode(400)
                .body("errors.field", hasItem("carrier"));
        command("RF-1", "return-shipped", "{\"at\":\"2026-03-02T02:00:00Z\",\"carrier\":\"SF\",\"trackingNo\":\"SF1\"}")
                .statusCode(200).body("status", equalTo("WAIT_SELLER_CONFIRM_GOODS"));
        command("RF-1", "complete", "{}").statusCode(409).body("detail", containsString("not received"));
        command("RF-1", "receive", "{\"at\":\"2026-03-03T00:00:00Z\",\"packagingIntact\":true}").statusCode(200)
                .body("receivedAt", equalTo("2026-03-03T00:00:00Z"));
        command("RF-1", "receive", "{}").statusCode(409);
        command("RF-1", "complete", "{\"at\":\"2026-03-03T01:00:00Z\"}").statusCode(200)
                .body("status", equalTo("SUCCESS")).body("succeededAt", equalTo("2026-03-03T01:00:00Z"));
        command("RF-1", "close", "{}").statusCode(409);
        command("RF-1", "agree", "{}").statusCode(409);
        as(SHOP, "operator").get("/shops/{s}/refunds/{r}", SHOP, "RF-1").then().statusCode(200)
                .body("history.event", contains("apply", "agree", "return-shipped", "receive", "complete"))
                .body("history.to", contains("WAIT_SELLER_AGREE", "WAIT_BUYER_RETURN_GOODS", "WAIT_SELLER_CONFIRM_GOODS",
                        "WAIT_SELLER_CONFIRM_GOODS", "SUCCESS"))
                .body("history[1].actor", equalTo("test-erp"));
        // shipped: a full refund leaves the trade's status alone
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "RL-1").then().body("status", equalTo("WAIT_BUYER_CONFIRM_GOODS"));
    }

    @Test
    void refusalAndCloseAreTheirOwnEvents() {
        order("rb2").put(SHOP, "RL-2");
        apply("RF-2", refund("RL-2", 1, "10.00", "REFUND_ONLY", "OTHER", null, "2026-03-02T00:00:00Z",
                "2026-03-02T00:00:00Z"));
        command("RF-2", "refuse", "{}").statusCode(200).body("status", equalTo("SELLER_REFUSE_BUYER"));
        command("RF-2", "agree", "{}").statusCode(409).body("detail", containsString("SELLER_REFUSE_BUYER"));
        command("RF-2", "close", "{}").statusCode(200).body("status", equalTo("CLOSED"));
        command("RF-2", "close", "{}").statusCode(409);
        command("NOPE", "agree", "{}").statusCode(404);
    }

    @Test
    void fullRefundOfEveryLineBeforeShipmentClosesTheTrade() {
        order("rb3").line(1, "60.00").line(2, "40.00").put(SHOP, "RL-3");
        // refund-only: the seller's agreement pays it out
        apply("RF-3a", refund("RL-3", 1, "60.00", "REFUND_ONLY", "OUT_OF_STOCK", null, "2026-03-01T01:00:00Z",
                "2026-03-01T01:00:00Z"));
        command("RF-3a", "agree", "{\"at\":\"2026-03-01T02:00:00Z\"}").statusCode(200).body("status", equalTo("SUCCESS"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "RL-3").then().body("status", equalTo("WAIT_SELLER_SEND_GOODS"));
        // the platform reports the second line refunded outright
        apply("RF-3b", refund("RL-3", 2, "40.00", "REFUND_ONLY", "OUT_OF_STOCK", "SUCCESS", "2026-03-01T03:00:00Z",
                "2026-03-01T04:00:00Z"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "RL-3").then().body("status", equalTo("TRADE_CLOSED"))
                .body("closedAt", equalTo("2026-03-01T04:00:00Z"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}/refunds", SHOP, "RL-3").then().statusCode(200)
                .body("grossPaidAmount", equalTo(100.00f)).body("refundedAmount", equalTo(100.00f))
                .body("netAmount", equalTo(0.00f));
    }

    @Test
    void aPartialRefundKeepsTheStatusAndLowersTheNetAmount() {
        order("rb4").line(1, "60.00").line(2, "40.00").put(SHOP, "RL-4");
        apply("RF-4", refund("RL-4", 1, "25.50", "REFUND_ONLY", "OTHER", "SUCCESS", "2026-03-01T01:00:00Z",
                "2026-03-01T01:00:00Z"));
        apply("RF-4b", refund("RL-4", 2, "5.00", "REFUND_ONLY", "OTHER", null, "2026-03-01T01:00:00Z",
                "2026-03-01T01:00:00Z"));
        // gross 100.00; refunded 25.50 (the 5.00 is only requested); net 100.00 - 25.50 = 74.50
        as(SHOP, "operator").get("/shops/{s}/orders/{o}/refunds", SHOP, "RL-4").then().statusCode(200)
                .body("status", equalTo("WAIT_SELLER_SEND_GOODS"))
                .body("grossPaidAmount", equalTo(100.00f)).body("refundedAmount", equalTo(25.50f))
                .body("netAmount", equalTo(74.50f))
                .body("lines[0].refundable", equalTo(34.50f)).body("lines[1].requested", equalTo(5.00f))
                .body("lines[1].refundable", equalTo(35.00f));
    }

    @Test
    void noRefundAbovePaymentAndNoneOnAnUnpaidOrder() {
        order("rb5").line(1, "50.00").put(SHOP, "RL-5");
        as(SHOP, "erp").body(refund("RL-5", 1, "50.01", "REFUND_ONLY", "OTHER", null, "2026-03-02T00:00:00Z",
                "2026-03-02T00:00:00Z")).put("/shops/{s}/refunds/{r}", SHOP, "RF-5x").then().statusCode(400)
                .body("errors.field", hasItem("amount"));
        apply("RF-5a", refund("RL-5", 1, "30.00", "REFUND_ONLY", "OTHER", null, "2026-03-02T00:00:00Z",
                "2026-03-02T00:00:00Z"));
        // 30.00 requested + 20.01 > 50.00 paid
        as(SHOP, "erp").body(refund("RL-5", 1, "20.01", "REFUND_ONLY", "OTHER", null, "2026-03-02T00:00:00Z",
                "2026-03-02T00:00:00Z")).put("/shops/{s}/refunds/{r}", SHOP, "RF-5b").then().statusCode(409)
                .body("detail", containsString("30.00"));
        // raising the first one above the payment is refused too, and changes nothing
        as(SHOP, "erp").body(refund("RL-5", 1, "50.50", "REFUND_ONLY", "OTHER", null, "2026-03-02T00:00:00Z",
                "2026-03-02T01:00:00Z")).put("/shops/{s}/refunds/{r}", SHOP, "RF-5a").then().statusCode(400);
        apply("RF-5c", refund("RL-5", 1, "20.00", "REFUND_ONLY", "OTHER", null, "2026-03-02T00:00:00Z",
                "2026-03-02T00:00:00Z"));
        // closing one gives its amount back
        command("RF-5a", "close", "{}").statusCode(200);
        apply("RF-5d", refund("RL-5", 1, "30.00", "REFUND_ONLY", "OTHER", null, "2026-03-02T00:00:00Z",
                "2026-03-02T00:00:00Z"));

        order("rb5").status("WAIT_BUYER_PAY").paidAt(null).put(SHOP, "RL-5u");
        as(SHOP, "erp").body(refund("RL-5u", 1, "1.00", "REFUND_ONLY", "OTHER", null, "2026-03-02T00:00:00Z",
                "2026-03-02T00:00:00Z")).put("/shops/{s}/refunds/{r}", SHOP, "RF-5u").then().statusCode(409)
                .body("detail", containsString("not paid"));
        as(SHOP, "erp").get("/shops/{s}/refunds/{r}", SHOP, "RF-5u").then().statusCode(404);
        as(SHOP, "erp").body(refund("RL-5", 9, "1.00", "REFUND_ONLY", "OTHER", null, "2026-03-02T00:00:00Z",
                "2026-03-02T00:00:00Z")).put("/shops/{s}/refunds/{r}", SHOP, "RF-5l").then().statusCode(400)
                .body("errors.field", hasItem("lineNo"));
        as(SHOP, "erp").body(refund("RL-5", 1, "-1.00", "REFUND_ONLY", "OTHER", null, "2026-03-02T00:00:00Z",
                "2026-03-02T00:00:00Z")).put("/shops/{s}/refunds/{r}", SHOP, "RF-5n").then().statusCode(400);
        as(SHOP, "erp").body(refund("RL-5", 1, "1.00", "REFUND_ONLY", "BORED", null, "2026-03-02T00:00:00Z",
                "2026-03-02T00:00:00Z")).put("/shops/{s}/refunds/{r}", SHOP, "RF-5e").then().statusCode(400)
                .body("errors.field", hasItem("reasonCode"));
    }

    @Test
    void thePlatformUpsertIsIdempotentStaleSafeAndNeverGoesBack() {
        order("rb6").put(SHOP, "RL-6");
        String v1 = refund("RL-6", 1, "10.00", "RETURN_AND_REFUND", "QUALITY", null, "2026-03-02T00:00:00Z",
                "2026-03-02T00:00:00Z");
        apply("RF-6", v1);
        as(SHOP, "erp").body(v1).put("/shops/{s}/refunds/{r}", SHOP, "RF-6").then().statusCode(200)
                .body("outcome", equalTo("UNCHANGED"));
        String v3 = refund("RL-6", 1, "10.00", "RETURN_AND_REFUND", "QUALITY", "WAIT_SELLER_CONFIRM_GOODS",
                "2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z");
        as(SHOP, "erp").body(v3).put("/shops/{s}/refunds/{r}", SHOP, "RF-6").then().statusCode(200)
                .body("outcome", equalTo("UPDATED")).body("status", equalTo("WAIT_SELLER_CONFIRM_GOODS"));
        String v2 = refund("RL-6", 1, "10.00", "RETURN_AND_REFUND", "QUALITY", "WAIT_BUYER_RETURN_GOODS",
                "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z");
        as(SHOP, "erp").body(v2).put("/shops/{s}/refunds/{r}", SHOP, "RF-6").then().statusCode(200)
                .body("outcome", equalTo("STALE")).body("status", equalTo("WAIT_SELLER_CONFIRM_GOODS"));
        String done = refund("RL-6", 1, "10.00", "RETURN_AND_REFUND", "QUALITY", "SUCCESS",
                "2026-03-02T00:00:00Z", "2026-03-05T00:00:00Z");
        as(SHOP, "erp").body(done).put("/shops/{s}/refunds/{r}", SHOP, "RF-6").then().statusCode(200)
                .body("status", equalTo("SUCCESS"));
        String back = refund("RL-6", 1, "10.00", "RETURN_AND_REFUND", "QUALITY", "WAIT_SELLER_AGREE",
                "2026-03-02T00:00:00Z", "2026-03-06T00:00:00Z");
        as(SHOP, "erp").body(back).put("/shops/{s}/refunds/{r}", SHOP, "RF-6").then().statusCode(409)
                .body("detail", containsString("SUCCESS"));
        String moved = refund("RL-6", 2, "10.00", "RETURN_AND_REFUND", "QUALITY", "SUCCESS",
                "2026-03-02T00:00:00Z", "2026-03-06T00:00:00Z");
        as(SHOP, "erp").body(moved).put("/shops/{s}/refunds/{r}", SHOP, "RF-6").then().statusCode(409);
        as(SHOP, "erp").get("/shops/{s}/refunds/{r}", SHOP, "RF-6").then()
                .body("history.event", contains("apply", "platform-sync", "platform-sync"))
                .body("phase", equalTo("IN_SALE"));
    }

    @Test
    void anOpenRefundHoldsTheOrderFromAutomaticCompletion() {
        // shipped 2025-12-01T02:00Z: the 10-day receipt window ends 2025-12-11T02:00Z (no other test ships that early)
        order("rb7").createdAt("2025-11-30T00:00:00Z").paidAt("2025-11-30T00:10:00Z").status("WAIT_BUYER_CONFIRM_GOODS")
                .shippedAt("2025-12-01T02:00:00Z").put(SHOP, "RL-7");
        order("rb7").createdAt("2025-11-30T00:00:00Z").paidAt("2025-11-30T00:10:00Z").status("WAIT_BUYER_CONFIRM_GOODS")
                .shippedAt("2025-12-01T02:00:00Z").put(SHOP, "RL-7b");
        apply("RF-7", refund("RL-7", 1, "10.00", "REFUND_ONLY", "OTHER", null, "2025-12-02T00:00:00Z",
                "2025-12-02T00:00:00Z"));
        assertEquals(Set.of("RL-7"), hold.heldOrders(SHOP, List.of("RL-7", "RL-7b")));
        jobs.completeShipped(Instant.parse("2025-12-12T00:00:00Z"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "RL-7").then().body("status", equalTo("WAIT_BUYER_CONFIRM_GOODS"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "RL-7b").then().body("status", equalTo("TRADE_FINISHED"));
        command("RF-7", "close", "{\"at\":\"2025-12-12T01:00:00Z\"}").statusCode(200);
        assertEquals(Set.of(), hold.heldOrders(SHOP, List.of("RL-7", "RL-7b")));
        jobs.completeShipped(Instant.parse("2025-12-12T02:00:00Z"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "RL-7").then().body("status", equalTo("TRADE_FINISHED"));
    }

    @Test
    void rolesDecideWhoWritesAndWhoReads() {
        order("rb8").put(SHOP, "RL-8");
        String body = refund("RL-8", 1, "1.00", "REFUND_ONLY", "OTHER", null, "2026-03-02T00:00:00Z",
                "2026-03-02T00:00:00Z");
        as(SHOP, "agent").body(body).put("/shops/{s}/refunds/{r}", SHOP, "RF-8").then().statusCode(403);
        as(SHOP, "analyst").body(body).put("/shops/{s}/refunds/{r}", SHOP, "RF-8").then().statusCode(403);
        as(SHOP, "operator").body(body).put("/shops/{s}/refunds/{r}", SHOP, "RF-8").then().statusCode(200);
        as(SHOP, "agent").get("/shops/{s}/refunds/{r}", SHOP, "RF-8").then().statusCode(200);
        as(SHOP, "agent").body("{}").post("/shops/{s}/refunds/{r}/agree", SHOP, "RF-8").then().statusCode(403);
        as(SHOP, "analyst").get("/shops/{s}/refunds/{r}", SHOP, "RF-8").then().statusCode(403);
    }
}
