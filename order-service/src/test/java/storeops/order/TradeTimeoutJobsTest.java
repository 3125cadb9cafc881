package storeops.order;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static storeops.order.TestOrders.as;
import static storeops.order.TestOrders.order;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import storeops.order.scheduler.TradeTimeoutJobs;

/**
 * The timed rules with two replicas: two job runs at once (as two service instances would) close
 * or complete each due order exactly once, with one history row each.
 */
@QuarkusTest
class TradeTimeoutJobsTest {

    private static final String SHOP = "jobs-shop";

    @Inject
    TradeTimeoutJobs jobs;

    @Inject
    TestCompletionHold hold;

    @Inject
    DataSource dataSource;

    /** Runs the job on two threads at the same instant; answers what each changed. */
    private List<Integer> twoReplicas(ToIntFunction<TradeTimeoutJobs> job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return job.applyAsInt(jobs);
            }));
        }
        start.countDown();
        List<Integer> changed = new ArrayList<>();
        for (Future<Integer> run : runs) {
            changed.add(run.get());
        }
        pool.shutdown();
        return changed;
    }

    private long historyRows(String orderNoPrefix, String event) throws Exception {
        try (var c = dataSource.getConnection();
                var q = c.prepareStatement("SELECT COUNT(*) FROM order_status_history WHERE shop_id = ? AND order_no LIKE ?"
                        + " AND event = ?")) {
            q.setString(1, SHOP);
            q.setString(2, orderNoPrefix + "%");
            q.setString(3, event);
            var rs = q.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void twoReplicasCloseEachUnpaidOrderOnceAtItsDeadline() throws Exception {
        Instant now = Instant.parse("2026-06-02T00:30:00Z");
        // the jobs sweep every shop: first settle what other tests left due, so the counts below are ours
        jobs.closeUnpaid(now);
        int due = 120;
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < due; i++) {
            batch.append(i == 0 ? "" : ",").append(order("U-" + i, "u" + i, "PC").created("2026-06-01T00:00:00Z").json());
        }
        // not due yet at the run's time (created an hour later, 24 h window)
        batch.append(",").append(order("U-late", "u", "PC").created("2026-06-01T01:00:00Z").json());
        // a flash sale closes after 30 minutes
        batch.append(",").append(order("U-flash", "u", "PC").created("2026-06-01T23:50:00Z").set("payTimeoutMinutes", 30)
                .json());
        // paid: never closed
        batch.append(",").append(order("U-paid", "u", "PC").created("2026-06-01T00:00:00Z").paid("2026-06-01T00:10:00Z")
                .json());
        as(SHOP, "erp").body(batch.append("]").toString()).post("/shops/{s}/orders/sync", SHOP).then().statusCode(200)
                .body("created", equalTo(due + 3));

        List<Integer> closed = twoReplicas(j -> j.closeUnpaid(now));
        // 120 + the flash sale, shared between the replicas, nobody twice
        assertEquals(due + 1, closed.get(0) + closed.get(1), "closed by the two runs: " + closed);
        assertEquals(due + 1, historyRows("U-", "pay-timeout"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "U-7").then().body("status", equalTo("TRADE_CLOSED_BY_TAOBAO"))
                .body("closedAt", equalTo("2026-06-02T00:00:00Z"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "U-flash").then().body("closedAt", equalTo("2026-06-02T00:20:00Z"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "U-late").then().body("status", equalTo("WAIT_BUYER_PAY"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "U-paid").then().body("status", equalTo("WAIT_SELLER_SEND_GOODS"));
        // running again changes nothing
        assertEquals(0, jobs.closeUnpaid(now));
        assertEquals(due + 1, historyRows("U-", "pay-timeout"));
        // catching up after downtime: the late one closes at its own deadline
        jobs.closeUnpaid(Instant.parse("2026-06-09T00:00:00Z"));
        assertEquals(due + 2, historyRows("U-", "pay-timeout"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "U-late").then().body("closedAt", equalTo("2026-06-02T01:00:00Z"));
    }

    @Test
    void twoReplicasCompleteEachShippedOrderOnceExceptThoseHeldByARefund() throws Exception {
        // 10 days after shipment: 2026-06-11T08:00Z
        Instant now = Instant.parse("2026-06-11T09:00:00Z");
        jobs.completeShipped(now);
        int shipped = 60;
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < shipped; i++) {
            batch.append(i == 0 ? "" : ",").append(order("C-" + i, "c" + i, "WAP").created("2026-06-01T00:00:00Z")
                    .paid("2026-06-01T00:05:00Z").set("shippedAt", "2026-06-01T08:00:00Z")
                    .status("WAIT_BUYER_CONFIRM_GOODS").modified("2026-06-01T08:00:00Z").json());
        }
        as(SHOP, "erp").body(batch.append("]").toString()).post("/shops/{s}/orders/sync", SHOP).then().statusCode(200);
        hold.held.add(SHOP + "/C-3");
        // the seller extended C-4 by 5 days
        as(SHOP, "erp").body("{\"by\":\"SELLER\",\"days\":5,\"at\":\"2026-06-05T00:00:00Z\"}")
                .post("/shops/{s}/orders/{o}/extend-receipt", SHOP, "C-4").then().statusCode(200);

        List<Integer> completed = twoReplicas(j -> j.completeShipped(now));
        assertEquals(shipped - 2, completed.get(0) + completed.get(1), "completed by the two runs: " + completed);
        assertEquals(shipped - 2, historyRows("C-", "receipt-timeout"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "C-0").then().body("status", equalTo("TRADE_FINISHED"))
                .body("finishedAt", equalTo("2026-06-11T08:00:00Z"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "C-3").then().body("status", equalTo("WAIT_BUYER_CONFIRM_GOODS"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "C-4").then().body("status", equalTo("WAIT_BUYER_CONFIRM_GOODS"));

        // the refund ends; later runs complete the rest, each once
        hold.held.clear();
        jobs.completeShipped(Instant.parse("2026-06-20T00:00:00Z"));
        assertEquals(shipped, historyRows("C-", "receipt-timeout"));
        as(SHOP, "erp").get("/shops/{s}/orders/{o}", SHOP, "C-4").then().body("finishedAt", equalTo("2026-06-16T08:00:00Z"));
    }

    @Test
    void paymentRemindersListUnpaidOrdersAboutToClose() {
        String shop = "jobs-remind-shop";
        Instant now = Instant.now();
        // closes in 60 minutes, in 3 hours, and one already past due
        order("P-soon", "p1", "PC").created(now.minusSeconds(23 * 3600).toString()).put(shop);
        order("P-later", "p2", "PC").created(now.minusSeconds(21 * 3600).toString()).put(shop);
        order("P-over", "p3", "PC").created(now.minusSeconds(25 * 3600).toString()).put(shop);
        as(shop, "agent").get("/shops/{s}/orders/payment-reminders", shop).then().statusCode(200)
                .body("orders.orderNo", equalTo(List.of("P-soon")));
        as(shop, "analyst").get("/shops/{s}/orders/payment-reminders?withinMinutes=240", shop).then().statusCode(200)
                .body("orders.orderNo", equalTo(List.of("P-soon", "P-later")));
        as(shop, "analyst").get("/shops/{s}/orders/payment-reminders?withinMinutes=0", shop).then().statusCode(400);
        as(shop, "erp").get("/shops/{s}/orders/payment-reminders", shop).then().statusCode(403);
    }
}
