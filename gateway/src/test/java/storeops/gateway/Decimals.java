package storeops.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.math.BigDecimal;

/** Reads JSON numbers as BigDecimal, so that money and ratios are compared exactly. */
final class Decimals {

    private final JsonPath json;

    private Decimals(JsonPath json) {
        this.json = json;
    }

    static Decimals of(Response response) {
        return new Decimals(new JsonPath(response.asString())
                .using(new JsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    JsonPath json() {
        return json;
    }

    /** Asserts the value at {@code path} equals {@code expected} numerically ("null" for a JSON null). */
    Decimals is(String path, String expected) {
        Object actual = json.get(path);
        if ("null".equals(expected)) {
            assertNull(actual, path);
            return this;
        }
        assertNotNull(actual, path + " is absent or null");
        BigDecimal value = new BigDecimal(actual.toString());
        assertEquals(0, new BigDecimal(expected).compareTo(value), path + ": expected " + expected + " but was " + value);
        return this;
    }
}
