package storeops.order.reconciliation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static storeops.order.fixtures.OrderFixtures.order;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import storeops.testing.Tokens;

/** 对账 against a platform export: UTF-8 or GBK, Chinese headers and statuses, bad rows named by line. */
@QuarkusTest
class ReconciliationTest {

    private static final String SHOP = "recon-shop";
    private static boolean seeded;

    /**
     * Line 1 is the header; REC-7's note spans lines 8 and 9, so REC-9 is on line 11. Creation
     * times are Asia/Shanghai: the valid rows span 2026-04-01 10:00 to 16:00 (+08:00).
     */
    private static final String EXPORT = String.join("\r\n",
            "订单编号,买家会员名,订单状态,买家实际支付金额,订单创建时间,订单付款时间,备注",
            "=\"REC-1\",rc1,买家已付款，等待卖家发货,110.00,2026-04-01 10:00:00,2026-04-01 10:05:00,",
            "REC-2,rc2,WAIT_SELLER_SEND_GOODS,55.00,2026-04-01 11:00:00,2026-04-01 11:05:00,",
            "REC-3,rc3,卖家已发货，等待买家确认,30.00,2026-04-01 12:00:00,2026-04-01 12:05:00,",
            "REC-BAD,rcb,交易成功,abc,2026-04-01 12:30:00,,",
            "REC-4,rc4,等待买家付款,0.00,2026-04-01 13:00:00,,",
            "REC-X,rcx,交易成功,99.00,2026-04-01 14:00:00,2026-04-01 14:05:00,",
            "REC-7,\"rc,7\",交易成功,20.00,2026-04-01 15:00:00,2026-04-01 15:05:00,\"a note",
            "over two lines\"",
            "REC-8,rc8,交易关闭,0.00,2026-04-01 16:00:00,,",
            "REC-9,rc9,神秘状态,1.00,2026-04-01 16:30:00,,") + "\r\n";

    @BeforeEach
    void data() {
        if (seeded) {
            return;
        }
        seeded = true;
        // 2026-04-01 10:00 +08:00 = 02:00Z
        order("rc1").createdAt("2026-04-01T02:00:00Z").paidAt("2026-04-01T02:05:00Z").freight("10.00").line(1, "100.00")
                .put(SHOP, "REC-1");
        order("rc2").createdAt("2026-04-01T03:00:00Z").paidAt("2026-04-01T03:05:00Z").line(1, "50.00").put(SHOP, "REC-2");
        order("rc3").createdAt("2026-04-01T04:00:00Z").paidAt("2026-04-01T04:05:00Z").status("TRADE_FINISHED")
                .shippedAt("2026-04-01T05:00:00Z").finishedAt("2026-04-02T05:00:00Z").line(1, "30.00").put(SHOP, "REC-3");
        order("rc4").createdAt("2026-04-01T05:00:00Z").paidAt(null).status("WAIT_BUYER_PAY").line(1, "25.00")
                .put(SHOP, "REC-4");
        // ours only, created inside the export's range: missing there
        order("rc5").createdAt("2026-04-01T05:30:00Z").paidAt("2026-04-01T05:35:00Z").line(1, "70.00").put(SHOP, "REC-5");
        // ours only, created after the range (17:00 +08:00): the export could not know it
        order("rc6").createdAt("2026-04-01T09:00:00Z").paidAt("2026-04-01T09:05:00Z").line(1, "70.00").put(SHOP, "REC-6");
        order("rc,7").createdAt("2026-04-01T07:00:00Z").paidAt("2026-04-01T07:05:00Z").status("TRADE_FINISHED")
                .shippedAt("2026-04-01T08:00:00Z").finishedAt("2026-04-02T08:00:00Z").line(1, "20.00").put(SHOP, "REC-7");
        order("rc8").createdAt("2026-04-01T08:00:00Z").paidAt(null).status("TRADE_CLOSED_BY_TAOBAO")
                .closedAt("2026-04-02T08:00:00Z").line(1, "40.00").put(SHOP, "REC-8");
    }

    private static ValidatableResponse post(byte[] body, String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.forShop(SHOP, role))).contentType("text/csv")
                .body(body).post("/shops/{s}/orders/reconciliation", SHOP).then();
    }

    private static void expectTheSameDifferences(ValidatableResponse answer) {
        answer.statusCode(200)
                // 9 records; REC-BAD (line 5) and REC-9 (line 11) are malformed, the other 7 are compared
                .body("rows", equalTo(9)).body("validRows", equalTo(7)).body("matched", equalTo(6))
                .body("from", equalTo("2026-04-01T02:00:00Z")).body("to", equalTo("2026-04-01T08:00:00Z"))
                .body("malformedRows.count", equalTo(2)).body("malformedRows.items.line", contains(5, 11))
                .body("malformedRows.items[0].reason", containsString("abc"))
                .body("malformedRows.items[1].reason", containsString("神秘状态"))
                .body("missingHere.count", equalTo(1)).body("missingHere.items[0].orderNo", equalTo("REC-X"))
                .body("missingHere.items[0].line", equalTo(7)).body("missingHere.amount", equalTo(99.00f))
                .body("missingThere.count", equalTo(1)).body("missingThere.items[0].orderNo", equalTo("REC-5"))
                .body("missingThere.amount", equalTo(70.00f))
                // REC-2: the export says 55.00, ours is 50.00 goods + 0.00 freight
                .body("amountMismatches.count", equalTo(1)).body("amountMismatches.items[0].orderNo", equalTo("REC-2"))
                .body("amountMismatches.items[0].difference", equalTo(5.00f))
                .body("statusMismatches.count", equalTo(1)).body("statusMismatches.items[0].orderNo", equalTo("REC-3"))
                .body("statusMismatches.items[0].ourStatus", equalTo("TRADE_FINISHED"))
                // file: 110 + 55 + 30 + 0 + 99 + 20 + 0 = 314.00; ours for the matched rows:
                // 110 + 50 + 30 + 0 (unpaid, 0.00 there) + 20 + 0 (closed unpaid) = 210.00; 104.00 = 99.00 + 5.00
                .body("totals.fileAmount", equalTo(314.00f)).body("totals.ourAmount", equalTo(210.00f))
                .body("totals.difference", equalTo(104.00f)).body("truncated", equalTo(false));
    }

    @Test
    void aUtf8ExportWithItsByteOrderMark() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(EXPORT.getBytes(StandardCharsets.UTF_8));
        ValidatableResponse answer = post(bytes.toByteArray(), "erp");
        answer.body("charset", equalTo("UTF-8"));
        expectTheSameDifferences(answer);
    }

    @Test
    void aGbkExportAsChineseBackOfficesWriteIt() {
        ValidatableResponse answer = post(EXPORT.getBytes(Charset.forName("GBK")), "operator");
        answer.body("charset", equalTo("GB18030"));
        expectTheSameDifferences(answer);
    }

    @Test
    void anExportWithoutTheNeededColumnsOrRowsIsABadRequest() {
        post("订单编号,买家会员名\nREC-1,rc1\n".getBytes(StandardCharsets.UTF_8), "erp").statusCode(400)
                .body("detail", containsString("买家实际支付金额"));
        post(new byte[0], "erp").statusCode(400);
        post(EXPORT.getBytes(StandardCharsets.UTF_8), "agent").statusCode(403);
        post(EXPORT.getBytes(StandardCharsets.UTF_8), "analyst").statusCode(403);
    }
}
