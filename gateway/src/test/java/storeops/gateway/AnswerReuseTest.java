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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

        // a change the version does not see (the tokens put back by hand) leaves the kept answer in place
        String before = orderVersion(shop);
        hiddenFromTheVersion("order", shop,
                () -> Seed.order(shop, "K2", "k1", "PC", "2026-04-02T03:10:00Z", "2026-04-02T03:11:00Z", "20.00"));
        assertEquals(before, orderVersion(shop));
        Decimals.of(complete(shop, funnel, false)).is("paidAmount", "80.00");

        Decimals.of(complete(shop, funnel, true)).is("paidAmount", "100.00");
    }

    /**
     * Writes on days no key of the period is computed from leave its answer in place; a write on a
     * day the period looks back or ahead to (returning visitors, returning buyers, the inquiry
     * payment window) has it composed again, yet only the parts that read that service's day: the
     * others are taken as kept. What shows which: a view, an order and a chat of the period hidden
     * from the versions, that only a part composed again can see.
     */
    @Test
    void onlyWritesOnTheDaysAnAnswerOrItsPartsReadMoveThem() throws SQLException {
        String shop = "gw-reuse-days";
        String overview = "/shops/{shop}/kpi/overview?from=2026-04-10&to=2026-04-11"; // and 04-08..04-09 before it
        Seed.events(shop, Seed.view("d1", "2026-04-10T02:00:00Z", "PC", "HOME", "DIRECT"));
        Seed.order(shop, "D1", "d1", "PC", "2026-04-10T02:10:00Z", "2026-04-10T02:11:00Z", "80.00");
        Decimals.of(complete(shop, overview, false)).is("metrics.paidAmount", "80.00").is("metrics.visitors", "1")
                .is("metrics.inquiryConversionRate", "null");
        hiddenFromTheVersion("traffic", shop,
                () -> Seed.events(shop, Seed.view("d9", "2026-04-11T02:00:00Z", "PC", "HOME", "DIRECT")));
        hiddenFromTheVersion("order", shop,
                () -> Seed.order(shop, "D2", "d1", "PC", "2026-04-11T03:10:00Z", "2026-04-11T03:11:00Z", "20.00"));
        hiddenFromTheVersion("desk", shop, () -> {
            Seed.chat(shop, "C-d1", "d1", "a1", "2026-04-11T03:00:00Z", 10); // then orders D2: converted
            Seed.chat(shop, "C-d7", "d7", "a1", "2026-04-10T03:00:00Z", 10); // never orders
        });

        // the day after: no traffic or chat of it counts for the period
        Seed.events(shop, Seed.view("d2", "2026-04-12T02:00:00Z", "PC", "HOME", "DIRECT"));
        Seed.chat(shop, "C-d2", "d2", "a1", "2026-04-12T02:05:00Z", 10);
        // three days after: past the payment window of the period's last inquiries
        Seed.order(shop, "D3", "d3", "PC", "2026-04-14T02:10:00Z", null, "5.00");
        Decimals.of(complete(shop, overview, false)).is("metrics.paidAmount", "80.00").is("metrics.visitors", "1");

        // a visit in the six days before the period decides who is a returning visitor: the period's
        // traffic parts are composed again, the order parts kept
        Seed.events(shop, Seed.view("d1", "2026-04-05T02:00:00Z", "PC", "HOME", "DIRECT"));
        Decimals.of(complete(shop, overview, false)).is("metrics.visitors", "2").is("metrics.paidAmount", "80.00");

        // a payment within the 365 days before decides who is a returning buyer
        Seed.order(shop, "D4", "d1", "PC", "2025-05-01T02:10:00Z", "2025-05-01T02:11:00Z", "7.00");
        Decimals.of(complete(shop, overview, false)).is("metrics.paidAmount", "100.00")
                .is("metrics.inquiryConversionRate", "null");

        // an order two days after the period may be the final payment of its last day's inquiries:
        // that day's are composed again, the first day's kept (its hidden chat unseen)
        Seed.order(shop, "D5", "d5", "PC", "2026-04-13T02:10:00Z", null, "5.00");
        Decimals.of(complete(shop, overview, false)).is("metrics.inquiryConversionRate", "1")
                .is("metrics.paidAmount", "100.00");
        Decimals.of(complete(shop, overview, true)).is("metrics.inquiryConversionRate", "0.5");
    }

    /**
     * The overview's channel ROI is summed from each day's attributed payments: a visit and a
     * payment of the period's last day have that day's payments attributed again and the first
     * day's taken as kept, so a visit of the first day hidden from the versions, which would
     * attribute its unattributed payment, shows only in an answer composed afresh.
     */
    @Test
    void aWriteOfOneDayAttributesThatDaysPaymentsOnly() throws SQLException {
        String shop = "gw-reuse-channels";
        String overview = "/shops/{shop}/kpi/overview?from=2026-05-10&to=2026-05-11";
        Seed.spend(shop, "2026-05-10", "DIRECT", "10.00");
        Seed.events(shop, Seed.view("c1", "2026-05-10T02:00:00Z", "PC", "HOME", "DIRECT"));
        Seed.order(shop, "R1", "c1", "PC", "2026-05-10T02:10:00Z", "2026-05-10T02:11:00Z", "80.00");
        Seed.order(shop, "R2", "c2", "PC", "2026-05-10T03:10:00Z", "2026-05-10T03:11:00Z", "20.00"); // no visit
        Decimals.of(complete(shop, overview, false)).is("metrics.channelRoi", "8");
        hiddenFromTheVersion("traffic", shop,
                () -> Seed.events(shop, Seed.view("c2", "2026-05-10T03:00:00Z", "PC", "HOME", "DIRECT")));

        Seed.events(shop, Seed.view("c3", "2026-05-11T02:00:00Z", "PC", "HOME", "DIRECT"));
        Seed.order(shop, "R3", "c3", "PC", "2026-05-11T02:10:00Z", "2026-05-11T02:11:00Z", "30.00");
        Decimals.of(complete(shop, overview, false)).is("metrics.channelRoi", "11").is("metrics.paidAmount", "130.00");
        Decimals.of(complete(shop, overview, true)).is("metrics.channelRoi", "13");
    }

    /**
     * A daily sheet composed again after a write of one day takes the other days' joins as kept:
     * the chats hidden from the versions show on the day written to only.
     */
    @Test
    void aDailySheetComposesTheJoinsOfTheDaysWrittenOnly() throws SQLException {
        String shop = "gw-reuse-daily";
        String daily = "/shops/{shop}/kpi/daily?from=2026-04-20&to=2026-04-21";
        Seed.order(shop, "Y1", "y1", "PC", "2026-04-20T03:10:00Z", "2026-04-20T03:11:00Z", "10.00");
        Seed.order(shop, "Y2", "y2", "PC", "2026-04-21T03:10:00Z", "2026-04-21T03:11:00Z", "10.00");
        Seed.events(shop, Seed.view("y1", "2026-04-20T03:05:00Z", "PC", "HOME", "DIRECT"),
                Seed.view("y2", "2026-04-21T03:05:00Z", "PC", "HOME", "DIRECT"));
        Decimals.of(complete(shop, daily, false)).is("days[0].metrics.inquiryConversionRate", "null")
                .is("days[1].metrics.inquiryConversionRate", "null");
        hiddenFromTheVersion("desk", shop, () -> {
            Seed.chat(shop, "C-y1", "y1", "a1", "2026-04-20T03:00:00Z", 10);
            Seed.chat(shop, "C-y2", "y2", "a1", "2026-04-21T03:00:00Z", 10);
        });

        Seed.chat(shop, "C-y3", "y3", "a1", "2026-04-21T05:00:00Z", 10); // asks, never orders
        Decimals.of(complete(shop, daily, false)).is("days[0].metrics.inquiryConversionRate", "null")
                .is("days[1].metrics.inquiryConversionRate", "0.5");
        Decimals.of(complete(shop, daily, true)).is("days[0].metrics.inquiryConversionRate", "1");
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

    /** Runs the write, then puts the service's version tokens of the shop back as they were before it. */
    private static void hiddenFromTheVersion(String service, String shop, Runnable write) throws SQLException {
        String url = "jdbc:mysql://" + System.getProperty("storeops.it.db", "127.0.0.1:3306") + "/"
                + ServicesResource.SERVICES.get(service)[1];
        try (Connection c = DriverManager.getConnection(url, "root", "")) {
            List<Object[]> shopRows = rows(c, "SELECT version FROM shop_data_version WHERE shop_id = ?", shop);
            List<Object[]> dayRows = rows(c, "SELECT epoch_day, version FROM shop_day_data_version WHERE shop_id = ?",
                    shop);
            write.run();
            for (String table : List.of("shop_data_version", "shop_day_data_version")) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE shop_id = ?")) {
                    delete.setString(1, shop);
                    delete.executeUpdate();
                }
            }
            for (Object[] row : shopRows) {
                update(c, "INSERT INTO shop_data_version (shop_id, version) VALUES (?, ?)", shop, row);
            }
            for (Object[] row : dayRows) {
                update(c, "INSERT INTO shop_day_data_version (shop_id, epoch_day, version) VALUES (?, ?, ?)", shop, row);
            }
        }
    }

    private static List<Object[]> rows(Connection c, String sql, String shop) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, shop);
            try (ResultSet rs = select.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static void update(Connection c, String sql, String shop, Object[] row) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, shop);
            for (int i = 0; i < row.length; i++) {
                insert.setObject(i + 2, row[i]);
            }
            insert.executeUpdate();
        }
    }
}
