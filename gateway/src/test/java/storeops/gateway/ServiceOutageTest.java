package storeops.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import storeops.testing.Tokens;

/**
 * Services go slow or down one after the other: the KPI answers stay 200 within 2 s with the keys
 * of the missing owner named, until nothing answers and the gateway says 503. Runs last: it stops
 * the services the other tests share.
 */
@QuarkusTest
@WithTestResource(value = ServicesResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceOutageTest {

    private static final String SHOP = "gw-outage";
    private static final String PERIOD = "from=2026-03-10&to=2026-03-12";
    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (!seeded) {
            KpiCompositionTest.seedShop(SHOP);
            seeded = true;
        }
    }

    private static Response timed(String kpi, long[] elapsed) {
        long start = System.nanoTime();
        Response r = given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, "analyst")))
                .get("/shops/{shop}/kpi/" + kpi + "?" + PERIOD, SHOP);
        elapsed[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return r;
    }

    private static void assertWithinTwoSeconds(long[] elapsed) {
        assertTrue(elapsed[0] < 2000, "answered after " + elapsed[0] + " ms");
    }

    @Test
    @Order(1)
    void aHangingTrafficServiceCostsItsKeysNotTheAnswerTime() throws Exception {
        signal("traffic", "-STOP");
        try {
            long[] elapsed = new long[1];
            Response r = timed("overview", elapsed);
            r.then().statusCode(200).body("partial", equalTo(true));
            assertWithinTwoSeconds(elapsed);
            List<String> missing = r.jsonPath().getList("missing");
            assertTrue(missing.containsAll(List.of("visitors", "pageViews", "bounceRate", "paymentConversionRate",
                    "effectiveEntryRate", "dealConversionRate", "channelRoi")), missing.toString());
            Map<String, Object> metrics = r.jsonPath().getMap("metrics");
            assertTrue(metrics.keySet().containsAll(List.of("paidAmount", "receivedBuyers", "orderPaymentRate",
                    "consultedConversionRate", "inquiryConversionRate")), metrics.keySet().toString());
            assertTrue(missing.stream().noneMatch(metrics::containsKey));
        } finally {
            signal("traffic", "-CONT");
        }
        // traffic works off what queued while it hung, then answers in time again
        Response after = KpiCompositionTest.settled(() -> timed("overview", new long[1]));
        after.then().statusCode(200).body("partial", equalTo(false));
    }

    @Test
    @Order(2)
    void withTheDeskDownTrafficAndOrderKeysStillAnswer() {
        kill("desk");
        long[] elapsed = new long[1];
        Response r = timed("overview", elapsed);
        r.then().statusCode(200).body("partial", equalTo(true));
        assertWithinTwoSeconds(elapsed);
        List<String> missing = r.jsonPath().getList("missing");
        assertTrue(missing.containsAll(List.of("receivedBuyers", "replyRate", "dsrService", "consultationRate",
                "consultedConversionRate", "inquiryConversionRate", "inquiryFinalPaymentRate")), missing.toString());
        Decimals.of(r).is("metrics.visitors", "7").is("metrics.paidAmount", "650.00")
                .is("metrics.paymentConversionRate", "0.571429").is("metrics.orderPaymentRate", "0.8")
                .is("metrics.channelRoi", "3.870968");

        Response funnel = timed("funnel", elapsed);
        funnel.then().statusCode(200).body("partial", equalTo(true))
                .body("layers.key", equalTo(List.of("orderPaymentRate")));
        assertWithinTwoSeconds(elapsed);
    }

    @Test
    @Order(3)
    void withOrderAlsoDownTrafficKeysStillAnswer() {
        kill("order");
        long[] elapsed = new long[1];
        Response r = timed("overview", elapsed);
        r.then().statusCode(200).body("partial", equalTo(true));
        assertWithinTwoSeconds(elapsed);
        List<String> missing = r.jsonPath().getList("missing");
        assertTrue(missing.containsAll(List.of("paidAmount", "paidBuyers", "averageOrderValue",
                "paymentConversionRate", "orderPaymentRate", "channelRoi")), missing.toString());
        Decimals.of(r).is("metrics.visitors", "7").is("metrics.pageViews", "10");
        assertEquals(134 - 49, missing.size(), "only the traffic-owned keys answer: " + missing);

        // channels without payments: still each channel's visitors and spend
        Response channels = timed("channels", elapsed);
        channels.then().statusCode(200).body("partial", equalTo(true)).body("missing", org.hamcrest.Matchers.hasItem("paidAmount"));
        Decimals.of(channels).is("channels[1].spend", "40.00").is("channels[0].visitors", "2").is("channels[1].paidAmount", "null");
        assertWithinTwoSeconds(elapsed);
    }

    @Test
    @Order(4)
    void withEveryServiceDownTheAnswerIs503() {
        kill("traffic");
        long[] elapsed = new long[1];
        for (String kpi : List.of("overview", "funnel", "agents", "channels")) {
            // a front end is told when to ask again: the breakers try the services after 3 s
            timed(kpi, elapsed).then().statusCode(503).contentType(startsWith("application/problem+json"))
                    .header("Retry-After", "3").body("status", equalTo(503));
            assertWithinTwoSeconds(elapsed);
        }
    }

    private static long pid(String service) {
        return Long.parseLong(System.getProperty("storeops.it." + service + ".pid"));
    }

    private static void kill(String service) {
        ProcessHandle.of(pid(service)).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
    }

    /** SIGSTOP makes a service hang (connections accepted, nothing answered); SIGCONT resumes it. */
    private static void signal(String service, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, String.valueOf(pid(service))).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }
}
