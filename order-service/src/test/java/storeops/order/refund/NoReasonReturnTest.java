package storeops.order.refund;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static storeops.order.fixtures.OrderFixtures.as;
import static storeops.order.fixtures.OrderFixtures.order;
import static storeops.order.fixtures.OrderFixtures.refund;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seven-day no-reason returns, counted from signing; freight by the free-shipping rule. */
@QuarkusTest
class NoReasonReturnTest {

    private static final String SHOP = "return-shop";
    private static final String PATH = "/shops/{s}/orders/{o}/return-eligibility";

    private static boolean seeded;

    @BeforeEach
    void data() {
        if (seeded) {
            return;
        }
        seeded = true;
        // signed (receipt confirmed) 2026-03-10T00:00Z: the window ends 2026-03-17T00:00Z
        order("nr1").status("TRADE_FINISHED").shippedAt("2026-03-08T00:00:00Z").finishedAt("2026-03-10T00:00:00Z")
                .freeShipping().put(SHOP, "NR-1");
        order("nr2").status("TRADE_FINISHED").shippedAt("2026-03-08T00:00:00Z").finishedAt("2026-03-10T00:00:00Z")
                .freight("10.00").put(SHOP, "NR-2");
        order("nr3").status("WAIT_BUYER_CONFIRM_GOODS").shippedAt("2026-03-08T00:00:00Z").put(SHOP, "NR-3");
    }

    @Test
    void eligibleWithinSevenDaysOfSigningWithTheGoodsIntact() {
        as(SHOP, "agent").get(PATH + "?at=2026-03-17T00:00:00Z&packagingIntact=true&tagsIntact=true", SHOP, "NR-1")
                .then().statusCode(200).body("eligible", equalTo(true)).body("reasons", empty())
                .body("signedAt", equalTo("2026-03-10T00:00:00Z")).body("windowEndsAt", equalTo("2026-03-17T00:00:00Z"))
                // free shipping: each side pays its own leg
                .body("freight.outboundLeg", equalTo("SELLER")).body("freight.returnLeg", equalTo("BUYER"));
        // not free shipping: the buyer pays all freight
        as(SHOP, "agent").get(PATH + "?at=2026-03-12T00:00:00Z", SHOP, "NR-2").then().statusCode(200)
                .body("eligible", equalTo(true))
                .body("freight.outboundLeg", equalTo("BUYER")).body("freight.returnLeg", equalTo("BUYER"));
    }

    @Test
    void ineligibleAnswersSayWhy() {
        as(SHOP, "agent").get(PATH + "?at=2026-03-17T00:00:00.001Z", SHOP, "NR-1").then().statusCode(200)
                .body("eligible", equalTo(false)).body("reasons.code", hasItems("WINDOW_ENDED"))
                .body("reasons[0].message", containsString("2026-03-17T00:00:00Z"));
        as(SHOP, "agent").get(PATH + "?at=2026-03-12T00:00:00Z&tagsIntact=false&resellable=false&accessoriesComplete=false"
                + "&packagingIntact=false", SHOP, "NR-1").then().statusCode(200).body("eligible", equalTo(false))
                .body("reasons.code", hasItems("TAGS_NOT_INTACT", "NOT_RESELLABLE", "ACCESSORIES_INCOMPLETE",
                        "PACKAGING_NOT_INTACT"));
        // a quality problem exempts the goods from the condition, not from the window
        as(SHOP, "agent").get(PATH + "?at=2026-03-12T00:00:00Z&tagsIntact=false&qualityProblem=true", SHOP, "NR-1")
                .then().statusCode(200).body("eligible", equalTo(true));
        as(SHOP, "agent").get(PATH + "?at=2026-03-18T00:00:00Z&qualityProblem=true", SHOP, "NR-1")
                .then().statusCode(200).body("eligible", equalTo(false)).body("reasons.code", hasItems("WINDOW_ENDED"));
        as(SHOP, "agent").get(PATH + "?at=2026-03-12T00:00:00Z", SHOP, "NR-3").then().statusCode(200)
                .body("eligible", equalTo(false)).body("reasons.code", hasItems("NOT_SIGNED"));
        as(SHOP, "agent").get(PATH + "?at=yesterday", SHOP, "NR-1").then().statusCode(400);
        as(SHOP, "agent").get(PATH, SHOP, "NOPE").then().statusCode(404);
        as(SHOP, "analyst").get(PATH, SHOP, "NR-1").then().statusCode(403);
    }

    @Test
    void aReturnShippedOutsideTheWindowIsRefusedWithTheReason() {
        as(SHOP, "erp").body(refund("NR-1", 1, "100.00", "RETURN_AND_REFUND", "NO_REASON_7_DAYS", "WAIT_BUYER_RETURN_GOODS",
                "2026-03-15T00:00:00Z", "2026-03-15T01:00:00Z")).put("/shops/{s}/refunds/{r}", SHOP, "NRR-1")
                .then().statusCode(200);
        as(SHOP, "erp").body("{\"at\":\"2026-03-17T00:00:01Z\",\"carrier\":\"YTO\",\"trackingNo\":\"Y1\"}")
                .post("/shops/{s}/refunds/{r}/return-shipped", SHOP, "NRR-1").then().statusCode(409)
                .body("detail", containsString("ended at 2026-03-17T00:00:00Z"));
        as(SHOP, "erp").get("/shops/{s}/refunds/{r}", SHOP, "NRR-1").then().body("status", equalTo("WAIT_BUYER_RETURN_GOODS"))
                .body("phase", equalTo("AFTER_SALE"));
        as(SHOP, "erp").body("{\"at\":\"2026-03-16T23:00:00Z\",\"carrier\":\"YTO\",\"trackingNo\":\"Y1\"}")
                .post("/shops/{s}/refunds/{r}/return-shipped", SHOP, "NRR-1").then().statusCode(200)
                .body("status", equalTo("WAIT_SELLER_CONFIRM_GOODS")).body("returnEligibility.eligible", equalTo(true));
        // the seller finds the tags cut off: the refund says it is no longer eligible, and why
        as(SHOP, "erp").body("{\"tagsIntact\":false}").post("/shops/{s}/refunds/{r}/receive", SHOP, "NRR-1").then()
                .statusCode(200).body("returnEligibility.eligible", equalTo(false))
                .body("returnEligibility.reasons.code", hasItems("TAGS_NOT_INTACT"));
    }
}
