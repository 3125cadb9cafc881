package storeops.order;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import storeops.testing.Tokens;

/** Orders as an ERP pushes them, built field by field for hand-made data sets. */
final class TestOrders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestOrders() {
    }

    static RequestSpecification as(String shop, String... roles) {
        return given().header("Authorization", Tokens.bearer(Tokens.forShop(shop, roles))).contentType(ContentType.JSON);
    }

    static Builder order(String orderNo, String buyer, String terminal) {
        return new Builder(orderNo, buyer, terminal);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class Builder {
        final Map<String, Object> fields = new LinkedHashMap<>();
        final List<Map<String, Object>> lines = new ArrayList<>();

        Builder(String orderNo, String buyer, String terminal) {
            fields.put("orderNo", orderNo);
            fields.put("buyerId", buyer);
            fields.put("terminal", terminal);
            fields.put("status", "WAIT_BUYER_PAY");
            fields.put("lines", lines);
        }

        Builder set(String field, Object value) {
            fields.put(field, value);
            return this;
        }

        Builder created(String at) {
            fields.put("createdAt", at);
            fields.putIfAbsent("modifiedAt", at);
            return this;
        }

        /** Paid at this instant, status WAIT_SELLER_SEND_GOODS unless set otherwise. */
        Builder paid(String at) {
            fields.put("paidAt", at);
            if ("WAIT_BUYER_PAY".equals(fields.get("status"))) {
                fields.put("status", "WAIT_SELLER_SEND_GOODS");
            }
            fields.put("modifiedAt", at);
            return this;
        }

        Builder status(String status) {
            fields.put("status", status);
            return this;
        }

        Builder modified(String at) {
            fields.put("modifiedAt", at);
            return this;
        }

        Builder line(String product, int quantity, String payment) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineNo", lines.size() + 1);
            line.put("productId", product);
            line.put("skuId", product + "-sku" + (lines.size() + 1));
            line.put("quantity", quantity);
            line.put("price", payment);
            line.put("payment", payment);
            lines.add(line);
            return this;
        }

        String orderNo() {
            return (String) fields.get("orderNo");
        }

        String json() {
            if (lines.isEmpty()) {
                line("P-default", 1, "10.00");
            }
            return TestOrders.json(fields);
        }

        /** PUT as the shop's ERP; expects 200. */
        void put(String shop) {
            as(shop, "erp").body(json()).put("/shops/{s}/orders/{o}", shop, orderNo()).then().statusCode(200);
        }
    }
}
