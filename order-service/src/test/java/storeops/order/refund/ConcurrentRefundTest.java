package storeops.order.refund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static storeops.order.fixtures.OrderFixtures.as;
import static storeops.order.fixtures.OrderFixtures.order;
import static storeops.order.fixtures.OrderFixtures.refund;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import storeops.order.refund.repository.RefundLedger;

/** Applications racing for one line never take it over its payment. */
@QuarkusTest
class ConcurrentRefundTest {

    private static final String SHOP = "refund-race-shop";

    @Inject
    RefundLedger ledger;

    @Test
    void concurrentApplicationsStayWithinThePayment() throws Exception {
        order("racer").line(1, "100.00").put(SHOP, "RACE-1");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String refundId = "RACE-R" + i;
            Callable<Integer> apply = () -> {
                start.await();
                return as(SHOP, "erp").body(refund("RACE-1", 1, "40.00", "REFUND_ONLY", "OTHER", null,
                        "2026-03-02T00:00:00Z", "2026-03-02T00:00:00Z"))
                        .put("/shops/{s}/refunds/{r}", SHOP, refundId).statusCode();
            };
            answers.add(pool.submit(apply));
        }
        start.countDown();
        int created = 0;
        int refused = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            if (status == 200) {
                created++;
            } else if (status == 409) {
                refused++;
            }
        }
        pool.shutdown();
        // 2 x 40.00 = 80.00 fits in 100.00; a third would make 120.00
        assertEquals(2, created);
        assertEquals(threads - 2, refused);
        assertEquals(0, new BigDecimal("80.00").compareTo(ledger.reserved(SHOP, "RACE-1", 1)));
        int stored = 0;
        for (int i = 0; i < threads; i++) {
            stored += as(SHOP, "erp").get("/shops/{s}/refunds/{r}", SHOP, "RACE-R" + i).statusCode() == 200 ? 1 : 0;
        }
        assertEquals(2, stored);
    }

    @Test
    void oneRefundSentFourTimesAtOnceIsStoredAndReservedOnce() throws Exception {
        order("racer2").line(1, "100.00").put(SHOP, "RACE-2");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                var response = as(SHOP, "erp").body(refund("RACE-2", 1, "30.00", "REFUND_ONLY", "OTHER", null,
                        "2026-03-02T00:00:00Z", "2026-03-02T00:00:00Z")).put("/shops/{s}/refunds/{r}", SHOP, "RACE-SAME");
                return response.statusCode() == 200 ? response.jsonPath().getString("outcome") : "" + response.statusCode();
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> answer : answers) {
            outcomes.add(answer.get());
        }
        pool.shutdown();
        // one creates it; the others see it (UNCHANGED) or lost the insert race (409, nothing kept)
        assertEquals(1, outcomes.stream().filter("CREATED"::equals).count(), outcomes.toString());
        assertEquals(3, outcomes.stream().filter(o -> o.equals("UNCHANGED") || o.equals("409")).count(), outcomes.toString());
        assertEquals(0, new BigDecimal("30.00").compareTo(ledger.reserved(SHOP, "RACE-2", 1)));
    }
}
