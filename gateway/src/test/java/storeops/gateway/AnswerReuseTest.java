package storeops.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import storeops.testing.Tokens;

/**
 * Composed answers are kept while the services' data versions stand still, and never outlive a
 * change made through any service's API. Each test has its own shop and day.
 */
@QuarkusTest
@WithTestResource(value = ServicesResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@Order(6)
class AnswerReuseTest {

    @Test
    void aWriteToAnyServiceShowsInTheNextAnswer() {
        String shop = "gw-reuse-writes";
        String overview = "/shops/{shop}/kpi/overview?from=2026-04-01&to=2026-04-01";
        Seed.events(shop, Seed.view("r1", "2026-04-01T02:00:00Z", "PC", "HOME", "DIRECT"));
        Seed.order(shop, "R1", "r1", "PC", "2026-04-01T02:10:00Z", "2026-04-01T02:11:00Z", "100.00");
        Decimals.of(complete(shop, overview, false)).is("metrics.paidAmount", "100.00").is("metrics.visitors", "1")
                .is("metrics.receivedBuyers", "0");

        Seed.order(shop, "R2", "r2", "WAP", "2026-04-01T03:10:00Z", "2026-04-01T03:11:00Z", "50.00");
        Decimals.of(complete(shop, overview, false)).is("metrics.paidAmount", "150.00");

        Seed.events(shop, Seed.view("r2", "2026-04-01T03:00:00Z", "WAP", "HOME", "DIRECT"));
        Decimals.of(complete(shop, overview, false)).is("metrics.visitors", "2");

        Seed.chat(shop, "C-r2", "r2", "a1", "2026-04-01T03:05:00Z", 10);
        Decimals.of(complete(shop, overview, false)).is("metrics.receivedBuyers", "1");
    }

    @Test
    void anAnswerIsReusedUntilAVersionMovesUnlessTheCallerAsksForNoCache() throws SQLException {
        String shop = "gw-reuse-kept";
        String funnel = "/shops/{shop}/kpi/funnel?from=2026-04-02&to=2026-04-02";
        Seed.events(shop, Seed.view("k1", "2026-04-02T02:00:00Z", "PC", "HOME", "DIRECT"));
        Seed.order(shop, "K1", "k1", "PC", "2026-04-02T02:10:00Z", "2026-04-02T02:11:00Z", "80.00");
        Decimals.of(complete(shop, funnel, false)).is("paidAmount", "80.00");

        // a change the version does not see (the token put back by hand) leaves the kept answer in place
        String before = orderVersion(shop);
        Seed.order(shop, "K2", "k1", "PC", "2026-04-02T03:10:00Z", "2026-04-02T03:11:00Z", "20.00");
        assertNotEquals(before, orderVersion(shop), "an accepted write moves the order data version");
        setOrderVersion(shop, before);
        Decimals.of(complete(shop, funnel, false)).is("paidAmount", "80.00");

        Decimals.of(complete(shop, funnel, true)).is("paidAmount", "100.00");
    }

    @Test
    void aRejectedWriteLeavesTheVersionAlone() {
        String shop = "gw-reuse-rejected";
        Seed.order(shop, "J1", "j1", "PC", "2026-04-03T02:10:00Z", "2026-04-03T02:11:00Z", "10.00");
        String before = orderVersion(shop);
        given().baseUri(Seed.url("order")).header("Authorization", Tokens.bearer(Tokens.forShop(shop, "erp")))
                .contentType("application/json").body("{\"buyerId\":\"\"}")
                .put("/shops/{shop}/orders/{no}", shop, "J2").then().statusCode(400);
        assertEquals(before, orderVersion(shop));
    }

    private static Response complete(String shop, String path, boolean noCache) {
        return KpiCompositionTest.settled(() -> given()
                .header("Authorization", Tokens.bearer(Tokens.forShop(shop, "analyst")))
                .header("Cache-Control", noCache ? "no-cache" : "max-age=0")
                .get(path, shop));
    }

    private static String orderVersion(String shop) {
        return given().baseUri(Seed.url("order")).header("Authorization", Tokens.bearer(Tokens.forShop(shop, "analyst")))
                .get("/shops/{shop}/orders/data-version", shop).then().statusCode(200).extract().path("version");
    }

    private static void setOrderVersion(String shop, String version) throws SQLException {
        String url = "jdbc:mysql://" + System.getProperty("storeops.it.db", "127.0.0.1:3306") + "/"
                + ServicesResource.SERVICES.get("order")[1];
        try (Connection c = DriverManager.getConnection(url, "root", "");
                PreparedStatement update = c.prepareStatement("UPDATE shop_data_version SET version = ? WHERE shop_id = ?")) {
            update.setLong(1, Long.parseUnsignedLong(version, 16));
            update.setString(2, shop);
            assertEquals(1, update.executeUpdate());
        }
    }
}
