package storeops.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static storeops.order.TestOrders.as;
import static storeops.order.TestOrders.order;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The joins' order lists are written row by row: the bytes must stay what the gateway's client
 * reads (docs/service-contracts.md), field order, instant format, null and amount included.
 */
@QuarkusTest
class OrderJoinJsonTest {

    @Test
    void paidAndBuyerOrdersKeepTheirShape() {
        String shop = "join-json";
        order("JJ-1", "jb1", "TMALL_APP").created("2026-06-01T01:00:00Z").paid("2026-06-01T01:05:00.250Z")
                .line("P1", 1, "12.50").line("P2", 2, "7.00").put(shop);
        order("JJ-2", "jb1", "WAP").created("2026-06-01T02:00:00Z").line("P1", 1, "3.00").put(shop);
        order("JJ-3", "jb2", "PC").created("2026-06-01T03:00:00Z").paid("2026-06-01T03:00:00Z")
                .line("P1", 1, "1000.00").put(shop);

        String paid = as(shop, "analyst").get("/shops/{s}/orders/paid?from=2026-06-01&to=2026-06-01", shop).then()
                .statusCode(200).contentType("application/json").extract().asString();
        // columns, by payment time; paidAt in epoch milliseconds (2026-06-01T01:05:00.250Z, 03:00:00Z)
        assertEquals("{\"orderNos\":[\"JJ-1\",\"JJ-3\"],\"buyerIds\":[\"jb1\",\"jb2\"],"
                + "\"paidAt\":[1780275900250,1780282800000],\"goodsAmounts\":[19.50,1000.00]}", paid);

        String ofBuyers = as(shop, "analyst")
                .body(Map.of("from", "2026-06-01", "to", "2026-06-01", "buyerIds", List.of("jb1", "jb1", "nobody")))
                .post("/shops/{s}/orders/buyer-orders", shop).then().statusCode(200).extract().asString();
        assertEquals("{\"orders\":["
                + "{\"orderNo\":\"JJ-1\",\"buyerId\":\"jb1\",\"terminal\":\"TMALL_APP\",\"createdAt\":\"2026-06-01T01:00:00Z\","
                + "\"paidAt\":\"2026-06-01T01:05:00.250Z\",\"goodsAmount\":19.50},"
                + "{\"orderNo\":\"JJ-2\",\"buyerId\":\"jb1\",\"terminal\":\"WAP\",\"createdAt\":\"2026-06-01T02:00:00Z\","
                + "\"paidAt\":null,\"goodsAmount\":3.00}]}", ofBuyers);

        String none = as(shop, "analyst").get("/shops/{s}/orders/paid?from=2026-06-02&to=2026-06-02", shop).then()
                .statusCode(200).extract().asString();
        assertEquals("{\"orderNos\":[],\"buyerIds\":[],\"paidAt\":[],\"goodsAmounts\":[]}", none);
    }

    @Test
    void keptJoinAnswersFollowEveryWrite() {
        String shop = "join-kept";
        String day = "?from=2026-06-05&to=2026-06-05";
        order("JK-1", "kb1", "PC").created("2026-06-05T01:00:00Z").paid("2026-06-05T01:05:00Z")
                .line("P1", 1, "10.00").put(shop);
        Map<String, String> period = Map.of("from", "2026-06-05", "to", "2026-06-05");
        for (int i = 0; i < 2; i++) { // the second read is the kept answer
            as(shop, "analyst").get("/shops/{s}/orders/paid" + day, shop).then().statusCode(200)
                    .body("orderNos", org.hamcrest.Matchers.contains("JK-1"));
            as(shop, "analyst").body(period).post("/shops/{s}/orders/buyer-sets", shop).then().statusCode(200)
                    .body("orderBuyers", org.hamcrest.Matchers.contains("kb1"));
        }
        // a new order paid that day, then a payment by command: both reads see each write at once
        order("JK-2", "kb2", "WAP").created("2026-06-05T02:00:00Z").paid("2026-06-05T02:01:00Z")
                .line("P1", 1, "20.00").put(shop);
        as(shop, "analyst").get("/shops/{s}/orders/paid" + day, shop).then().statusCode(200)
                .body("orderNos", org.hamcrest.Matchers.contains("JK-1", "JK-2"));
        as(shop, "analyst").body(period).post("/shops/{s}/orders/buyer-sets", shop).then().statusCode(200)
                .body("orderBuyers", org.hamcrest.Matchers.contains("kb1", "kb2"))
                .body("paidOrderBuyerCount", org.hamcrest.Matchers.equalTo(2));
        order("JK-3", "kb3", "PC").created("2026-06-05T03:00:00Z").line("P1", 1, "5.00").put(shop);
        as(shop, "analyst").body(period).post("/shops/{s}/orders/buyer-sets", shop).then().statusCode(200)
                .body("orderBuyers", org.hamcrest.Matchers.contains("kb1", "kb2", "kb3"))
                .body("paidOrderBuyerCount", org.hamcrest.Matchers.equalTo(2));
        as(shop, "erp").body(Map.of("at", "2026-06-05T03:10:00Z")).post("/shops/{s}/orders/{o}/pay", shop, "JK-3")
                .then().statusCode(200);
        as(shop, "analyst").get("/shops/{s}/orders/paid" + day, shop).then().statusCode(200)
                .body("orderNos", org.hamcrest.Matchers.contains("JK-1", "JK-2", "JK-3"));
        as(shop, "analyst").body(period).post("/shops/{s}/orders/buyer-sets", shop).then().statusCode(200)
                .body("orderBuyers", org.hamcrest.Matchers.contains("kb1", "kb2", "kb3"))
                .body("paidOrderBuyerCount", org.hamcrest.Matchers.equalTo(3))
                .body("orderedAndPaidBuyerCount", org.hamcrest.Matchers.equalTo(3));
    }
}
