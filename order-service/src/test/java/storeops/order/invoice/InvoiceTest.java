package storeops.order.invoice;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static storeops.order.fixtures.OrderFixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** An invoice request is never refused and never charged; it stays open until issued. */
@QuarkusTest
class InvoiceTest {

    private static final String SHOP = "invoice-shop";

    private static String request(String orderNo, String type, String title, String delivery, String requestedAt,
            String fee) {
        return """
                {"orderNo":"%s","titleType":"%s","title":"%s","taxNumber":"91330100MA27XXXX1A","delivery":"%s",
                 "requestedAt":"%s","fee":%s}""".formatted(orderNo, type, title, delivery, requestedAt, fee);
    }

    @Test
    void aRequestIsKeptIssuedAndMailedAndReplaysChangeNothing() {
        String body = request("INV-O1", "COMPANY", "杭州某某科技有限公司", "MAIL_LATER", "2026-03-01T00:00:00Z", "null");
        as(SHOP, "erp").body(body).put("/shops/{s}/invoices/{i}", SHOP, "INV-1").then().statusCode(200)
                .body("outcome", equalTo("CREATED")).body("status", equalTo("REQUESTED"));
        as(SHOP, "erp").body(body).put("/shops/{s}/invoices/{i}", SHOP, "INV-1").then().statusCode(200)
                .body("outcome", equalTo("UNCHANGED"));
        as(SHOP, "erp").body("{}").post("/shops/{s}/invoices/{i}/mail", SHOP, "INV-1").then().statusCode(400);
        as(SHOP, "erp").body("{\"trackingNo\":\"T1\"}").post("/shops/{s}/invoices/{i}/mail", SHOP, "INV-1").then()
                .statusCode(409).body("detail", containsString("REQUESTED"));
        as(SHOP, "erp").body("{\"at\":\"2026-03-02T00:00:00Z\",\"invoiceNo\":\"No.0001\"}")
                .post("/shops/{s}/invoices/{i}/issue", SHOP, "INV-1").then().statusCode(200)
                .body("status", equalTo("ISSUED")).body("issuedAt", equalTo("2026-03-02T00:00:00Z"));
        as(SHOP, "erp").body("{\"invoiceNo\":\"No.0002\"}").post("/shops/{s}/invoices/{i}/issue", SHOP, "INV-1").then()
                .statusCode(409);
        // the title cannot change once issued, but a replay of the same request still succeeds
        as(SHOP, "erp").body(request("INV-O1", "COMPANY", "别的公司", "MAIL_LATER", "2026-03-01T00:00:00Z", "null"))
                .put("/shops/{s}/invoices/{i}", SHOP, "INV-1").then().statusCode(409);
        as(SHOP, "erp").body(body).put("/shops/{s}/invoices/{i}", SHOP, "INV-1").then().statusCode(200)
                .body("outcome", equalTo("UNCHANGED")).body("status", equalTo("ISSUED"));
        as(SHOP, "erp").body("{\"carrier\":\"EMS\",\"trackingNo\":\"E1\"}").post("/shops/{s}/invoices/{i}/mail", SHOP, "INV-1")
                .then().statusCode(200).body("status", equalTo("MAILED"));
    }

    @Test
    void refusingOrChargingIsAlwaysAConflictAndChangesNothing() {
        as(SHOP, "erp").body(request("INV-O2", "PERSONAL", "张三", "WITH_GOODS", "2026-03-01T00:00:00Z", "5.00"))
                .put("/shops/{s}/invoices/{i}", SHOP, "INV-2").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("fee"));
        as(SHOP, "erp").get("/shops/{s}/invoices/{i}", SHOP, "INV-2").then().statusCode(404);
        as(SHOP, "erp").body(request("INV-O2", "PERSONAL", "张三", "WITH_GOODS", "2026-03-01T00:00:00Z", "0"))
                .put("/shops/{s}/invoices/{i}", SHOP, "INV-2").then().statusCode(200);
        as(SHOP, "operator").body("{}").post("/shops/{s}/invoices/{i}/refuse", SHOP, "INV-2").then().statusCode(409)
                .body("detail", containsString("cannot be refused"));
        as(SHOP, "operator").delete("/shops/{s}/invoices/{i}", SHOP, "INV-2").then().statusCode(409);
        as(SHOP, "erp").body("{\"invoiceNo\":\"No.9\",\"fee\":\"3.00\"}").post("/shops/{s}/invoices/{i}/issue", SHOP, "INV-2")
                .then().statusCode(409);
        as(SHOP, "erp").body(request("INV-O2", "PERSONAL", "张三", "REFUSED", "2026-03-01T00:00:00Z", "null"))
                .put("/shops/{s}/invoices/{i}", SHOP, "INV-2").then().statusCode(400).body("errors.field", hasItem("delivery"));
        as(SHOP, "erp").body("{\"orderNo\":\"INV-O2\",\"titleType\":\"PERSONAL\",\"title\":\"\"}")
                .put("/shops/{s}/invoices/{i}", SHOP, "INV-3").then().statusCode(400).body("errors.field", hasItem("title"));
        as(SHOP, "erp").get("/shops/{s}/invoices/{i}", SHOP, "INV-2").then().statusCode(200)
                .body("status", equalTo("REQUESTED")).body("title", equalTo("张三"));
        // a personal title is a person's name: masked for the agent
        as(SHOP, "agent").get("/shops/{s}/invoices/{i}", SHOP, "INV-2").then().statusCode(200).body("title", equalTo("张*"));
        as(SHOP, "agent").body(request("INV-O2", "PERSONAL", "张三", "WITH_GOODS", "2026-03-01T00:00:00Z", "null"))
                .put("/shops/{s}/invoices/{i}", SHOP, "INV-4").then().statusCode(403);
    }

    @Test
    void openRequestsOlderThanTheAgeAreListed() {
        String shop = "invoice-age-shop";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        as(shop, "erp").body(request("O-OLD", "PERSONAL", "李四", "WITH_GOODS", now.minus(Duration.ofHours(80)).toString(), "null"))
                .put("/shops/{s}/invoices/{i}", shop, "I-OLD").then().statusCode(200);
        as(shop, "erp").body(request("O-MID", "PERSONAL", "王五", "WITH_GOODS", now.minus(Duration.ofHours(30)).toString(), "null"))
                .put("/shops/{s}/invoices/{i}", shop, "I-MID").then().statusCode(200);
        as(shop, "erp").body(request("O-NEW", "PERSONAL", "赵六", "WITH_GOODS", now.minus(Duration.ofHours(1)).toString(), "null"))
                .put("/shops/{s}/invoices/{i}", shop, "I-NEW").then().statusCode(200);
        as(shop, "erp").body(request("O-DONE", "PERSONAL", "钱七", "WITH_GOODS", now.minus(Duration.ofHours(90)).toString(), "null"))
                .put("/shops/{s}/invoices/{i}", shop, "I-DONE").then().statusCode(200);
        as(shop, "erp").body("{\"invoiceNo\":\"N1\"}").post("/shops/{s}/invoices/{i}/issue", shop, "I-DONE").then().statusCode(200);
        as(shop, "analyst").get("/shops/{s}/invoices?openOlderThanHours=24", shop).then().statusCode(200)
                .body("invoices.requestId", contains("I-OLD", "I-MID"));
        // the default age is 72 hours
        as(shop, "operator").get("/shops/{s}/invoices", shop).then().statusCode(200)
                .body("openOlderThanHours", equalTo(72)).body("invoices.requestId", contains("I-OLD"));
        as(shop, "operator").get("/shops/{s}/invoices?openOlderThanHours=abc", shop).then().statusCode(400);
    }
}
