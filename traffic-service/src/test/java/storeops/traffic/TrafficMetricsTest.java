package storeops.traffic;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static storeops.traffic.Events.action;
import static storeops.traffic.Events.metrics;
import static storeops.traffic.Events.post;
import static storeops.traffic.Events.view;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every traffic key on a small hand-made data set (shop zone Asia/Shanghai, UTC+8; events in UTC).
 *
 * <pre>
 * visitor  day (Shanghai)  group   events (VIEW unless said; page, product, source, dwell)
 * R7       03-03           WAP     OTHER, DIRECT, 0
 * R6       03-04           WAP     OTHER, DIRECT, 0
 * L        03-09           PC      HOME, ZHITONGCHE, 10; FAVORITE_PRODUCT P3; late: DETAIL P3, ZHITONGCHE, 20
 * C        03-09 23:59     PC      OTHER, ORGANIC_SEARCH, 5   (15:59Z)
 * C        03-10 00:01     PC      OTHER, ORGANIC_SEARCH, 7   (16:01Z on 03-09 UTC)
 * A        03-10           PC      HOME 30, DETAIL P1 60 (ORGANIC_SEARCH); FAVORITE_SHOP
 * A        03-10           TAOBAO  DETAIL P2, TAOBAOKE, 20; FAVORITE_SHOP
 * B        03-10           WAP     HOME, no source (OTHER), 10; FAVORITE_SHOP
 * B        03-10           TMALL   DETAIL P1, JUHUASUAN, 40; FAVORITE_PRODUCT P1
 * R6       03-10           WAP     OTHER, DIRECT, 0   (last wireless visit 03-04 = D-6: returning)
 * R7       03-10           WAP     OTHER, DIRECT, 3   (last wireless visit 03-03 = D-7: new)
 *
 * 03-09  PC: visitors C, L = 2; page views 3 (C 1, L 2); bounced C = 1; dwell 5+10+20 = 35;
 *            home views 1 (L, dwell 10), detail views 1 (L, P3). Wireless: nobody.
 * 03-10  PC: visitors A, C = 2; page views 3 (A 2, C 1); bounced C = 1; dwell 30+60+7 = 97;
 *            home 1 (A, dwell 30), detail 1 (A, P1).
 *        Wireless: visitors A, B, R6, R7 = 4 (B in WAP and Tmall once); page views 5 (A 1, B 2, R6 1,
 *            R7 1); bounced A, R6, R7 = 3; dwell 20+10+40+0+3 = 73; WAP: B, R6, R7 (3 views);
 *            Taobao app: A (1); Tmall app: B (1); home 1 (B), detail 2 (A P2, B P1).
 * </pre>
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrafficMetricsTest {

    static final String SHOP = "metrics-shop";

    /** Every traffic key of metrics.csv (owner = traffic). */
    static final Set<String> TRAFFIC_KEYS = new TreeSet<>(List.of("viewedProducts", "shopFavoriteCount",
            "shopFavoriteUsers", "homepageVisitors", "homepagePageViews", "visitors", "visitorsChangeVsPreviousDay",
            "returningVisitors", "returningVisitorShare", "pageViews", "pageViewsChangeVsPreviousDay",
            "pcViewedProducts", "pcHomepageVisitors", "pcHomepagePageViews", "pcHomepageAvgDwellSeconds", "pcVisitors",
            "pcReturningVisitors", "pcPageViews", "pcPageViewsPerVisitor", "pcAvgDwellSeconds", "pcDetailPageVisitors",
            "pcDetailPagePageViews", "pcBounceRate", "pageViewsPerVisitor", "avgDwellSeconds", "productFavoriteCount",
            "detailPageVisitors", "detailPagePageViews", "productFavoriteUsers", "taobaoAppVisitors",
            "taobaoAppPageViews", "tmallAppVisitors", "tmallAppPageViews", "bounceRate", "wapVisitors", "wapPageViews",
            "wirelessViewedProducts", "wirelessHomepageVisitors", "wirelessHomepagePageViews", "wirelessVisitors",
            "wirelessVisitorShare", "wirelessReturningVisitors", "wirelessPageViews", "wirelessPageViewsPerVisitor",
            "wirelessAvgDwellSeconds", "wirelessDetailPageVisitors", "wirelessDetailPagePageViews",
            "wirelessBounceRate", "newVisitors"));

    static final List<String> EARLIER = List.of(
            view("m01", "R7", "2026-03-03T04:00:00Z", "WAP", "OTHER", null, "DIRECT", 0),
            view("m02", "R6", "2026-03-04T04:00:00Z", "WAP", "OTHER", null, "DIRECT", 0),
            view("m03", "C", "2026-03-09T15:59:00Z", "PC", "OTHER", null, "ORGANIC_SEARCH", 5),
            view("m04", "L", "2026-03-09T02:00:00Z", "PC", "HOME", null, "ZHITONGCHE", 10),
            action("m05", "L", "2026-03-09T02:05:00Z", "PC", "DETAIL", "P3", "FAVORITE_PRODUCT"));
    static final List<String> MAIN_DAY = List.of(
            view("m06", "C", "2026-03-09T16:01:00Z", "PC", "OTHER", null, "ORGANIC_SEARCH", 7),
            view("m07", "A", "2026-03-10T02:00:00Z", "PC", "HOME", null, "ORGANIC_SEARCH", 30),
            view("m08", "A", "2026-03-10T02:01:00Z", "PC", "DETAIL", "P1", "ORGANIC_SEARCH", 60),
            action("m09", "A", "2026-03-10T02:02:00Z", "PC", "HOME", null, "FAVORITE_SHOP"),
            view("m10", "A", "2026-03-10T09:00:00Z", "TAOBAO_APP", "DETAIL", "P2", "TAOBAOKE", 20),
            action("m11", "A", "2026-03-10T09:01:00Z", "TAOBAO_APP", "HOME", null, "FAVORITE_SHOP"),
            view("m12", "B", "2026-03-10T03:00:00Z", "WAP", "HOME", null, null, 10),
            view("m13", "B", "2026-03-10T03:10:00Z", "TMALL_APP", "DETAIL", "P1", "JUHUASUAN", 40),
            action("m14", "B", "2026-03-10T03:11:00Z", "TMALL_APP", "DETAIL", "P1", "FAVORITE_PRODUCT"),
            action("m15", "B", "2026-03-10T03:12:00Z", "WAP", "HOME", null, "FAVORITE_SHOP"),
            view("m16", "R6", "2026-03-10T05:00:00Z", "WAP", "OTHER", null, "DIRECT", 0),
            view("m17", "R7", "2026-03-10T05:00:00Z", "WAP", "OTHER", null, "DIRECT", 3));
    /** Arrives after 03-10's events: L's second page view on 03-09, so L no longer bounces that day. */
    static final List<String> LATE = List.of(
            view("m18", "L", "2026-03-09T03:00:00Z", "PC", "DETAIL", "P3", "ZHITONGCHE", 20));

    private boolean loaded;

    /** Once per class, but after Quarkus has pointed RestAssured at the test port. */
    @BeforeEach
    void loadDataSet() {
        if (loaded) {
            return;
        }
        loaded = true;
        post(SHOP, EARLIER).statusCode(200).body("accepted", equalTo(5));
        post(SHOP, MAIN_DAY).statusCode(200).body("accepted", equalTo(12));
    }

    @Test
    @Order(1)
    void aLateEventChangesYesterdaysBounceRate() {
        // before: 03-09 PC visitors C and L, each with one page view: both bounce, 2/2
        metrics(SHOP, "2026-03-09", "2026-03-09").body("metrics.pcBounceRate", closeTo(1.0, 1e-6))
                .body("metrics.pcPageViews", equalTo(2));
        post(SHOP, LATE).statusCode(200).body("accepted", equalTo(1));
        // after: L has two page views on 03-09, only C bounces: 1/2
        metrics(SHOP, "2026-03-09", "2026-03-09").body("metrics.pcBounceRate", closeTo(0.5, 1e-6))
                .body("metrics.bounceRate", closeTo(0.5, 1e-6)).body("metrics.pcPageViews", equalTo(3));
    }

    @Test
    @Order(2)
    void everyTrafficKeyOfOneDay() {
        ValidatableResponse day = metrics(SHOP, "2026-03-10", "2026-03-10");
        Map<String, Object> m = day.extract().jsonPath().getMap("metrics");
        assertEquals(TRAFFIC_KEYS, new TreeSet<>(m.keySet()), "exactly the traffic keys of metrics.csv");
        day
                // PC A, C; wireless A, B, R6, R7 (B once for WAP + Tmall); all = 2 + 4 (A counts twice)
                .body("metrics.pcVisitors", equalTo(2)).body("metrics.wirelessVisitors", equalTo(4))
                .body("metrics.visitors", equalTo(6))
                .body("metrics.wapVisitors", equalTo(3)).body("metrics.taobaoAppVisitors", equalTo(1))
                .body("metrics.tmallAppVisitors", equalTo(1))
                .body("metrics.wirelessVisitorShare", closeTo(4 / 6.0, 1e-6))
                // C visited PC on 03-09 (D-1): returning; R6's last wireless visit is 03-04 (D-6): returning;
                // R7's is 03-03 (D-7): new; A on PC and A, B on wireless: new
                .body("metrics.pcReturningVisitors", equalTo(1)).body("metrics.wirelessReturningVisitors", equalTo(1))
                .body("metrics.returningVisitors", equalTo(2)).body("metrics.newVisitors", equalTo(4))
                .body("metrics.returningVisitorShare", closeTo(2 / 6.0, 1e-6))
                // 03-10 minus 03-09 (after the late event): visitors 6 - 2, page views 8 - 3
                .body("metrics.visitorsChangeVsPreviousDay", equalTo(4))
                .body("metrics.pageViewsChangeVsPreviousDay", equalTo(5))
                .body("metrics.pageViews", equalTo(8)).body("metrics.pcPageViews", equalTo(3))
                .body("metrics.wirelessPageViews", equalTo(5)).body("metrics.wapPageViews", equalTo(3))
                .body("metrics.taobaoAppPageViews", equalTo(1)).body("metrics.tmallAppPageViews", equalTo(1))
                .body("metrics.pageViewsPerVisitor", closeTo(8 / 6.0, 1e-6))
                .body("metrics.pcPageViewsPerVisitor", closeTo(1.5, 1e-6))
                .body("metrics.wirelessPageViewsPerVisitor", closeTo(1.25, 1e-6))
                // dwell: PC 97 / 2, wireless 73 / 4, all 170 / 6
                .body("metrics.avgDwellSeconds", closeTo(170 / 6.0, 1e-6))
                .body("metrics.pcAvgDwellSeconds", closeTo(48.5, 1e-6))
                .body("metrics.wirelessAvgDwellSeconds", closeTo(18.25, 1e-6))
                // bounced: PC C (1 of 2); wireless A (one Taobao view), R6, R7 (3 of 4); all (1 + 3) / 6
                .body("metrics.bounceRate", closeTo(4 / 6.0, 1e-6)).body("metrics.pcBounceRate", closeTo(0.5, 1e-6))
                .body("metrics.wirelessBounceRate", closeTo(0.75, 1e-6))
                // home: PC A, wireless B
                .body("metrics.homepageVisitors", equalTo(2)).body("metrics.pcHomepageVisitors", equalTo(1))
                .body("metrics.wirelessHomepageVisitors", equalTo(1)).body("metrics.homepagePageViews", equalTo(2))
                .body("metrics.pcHomepagePageViews", equalTo(1)).body("metrics.wirelessHomepagePageViews", equalTo(1))
                .body("metrics.pcHomepageAvgDwellSeconds", closeTo(30.0, 1e-6))
                // detail: PC A (P1); wireless A (P2), B (P1)
                .body("metrics.detailPageVisitors", equalTo(3)).body("metrics.pcDetailPageVisitors", equalTo(1))
                .body("metrics.wirelessDetailPageVisitors", equalTo(2)).body("metrics.detailPagePageViews", equalTo(3))
                .body("metrics.pcDetailPagePageViews", equalTo(1)).body("metrics.wirelessDetailPagePageViews", equalTo(2))
                // products P1 (both groups), P2 (wireless): de-duplicated across terminals
                .body("metrics.viewedProducts", equalTo(2)).body("metrics.pcViewedProducts", equalTo(1))
                .body("metrics.wirelessViewedProducts", equalTo(2))
                // shop favorites: A on PC, A in the app, B in WAP = 3 actions by 2 people; product: B once
                .body("metrics.shopFavoriteCount", equalTo(3)).body("metrics.shopFavoriteUsers", equalTo(2))
                .body("metrics.productFavoriteCount", equalTo(1)).body("metrics.productFavoriteUsers", equalTo(1));
    }

    @Test
    @Order(3)
    void everyTrafficKeyOfTwoDays() {
        metrics(SHOP, "2026-03-09", "2026-03-10")
                // PC A, C, L; wireless A, B, R6, R7
                .body("metrics.pcVisitors", equalTo(3)).body("metrics.wirelessVisitors", equalTo(4))
                .body("metrics.visitors", equalTo(7))
                // judged at the first visit day in the period: C and L first on 03-09 with no PC visit
                // on 03-03..03-08: new; R6 first on 03-10, last seen 03-04: returning; R7: new
                .body("metrics.pcReturningVisitors", equalTo(0)).body("metrics.wirelessReturningVisitors", equalTo(1))
                .body("metrics.returningVisitors", equalTo(1)).body("metrics.newVisitors", equalTo(6))
                .body("metrics.returningVisitorShare", closeTo(1 / 7.0, 1e-6))
                .body("metrics.wirelessVisitorShare", closeTo(4 / 7.0, 1e-6))
                .body("metrics.pageViews", equalTo(11)).body("metrics.pcPageViews", equalTo(6))
                .body("metrics.wirelessPageViews", equalTo(5))
                // daily means: 03-09 3/2, 03-10 8/6; PC 3/2 both days; wireless only 03-10 has visitors
                .body("metrics.pageViewsPerVisitor", closeTo((1.5 + 8 / 6.0) / 2, 1e-6))
                .body("metrics.pcPageViewsPerVisitor", closeTo(1.5, 1e-6))
                .body("metrics.wirelessPageViewsPerVisitor", closeTo(1.25, 1e-6))
                // dwell: 03-09 35/2, 03-10 170/6; PC 35/2 and 97/2
                .body("metrics.avgDwellSeconds", closeTo((17.5 + 170 / 6.0) / 2, 1e-6))
                .body("metrics.pcAvgDwellSeconds", closeTo((17.5 + 48.5) / 2, 1e-6))
                .body("metrics.wirelessAvgDwellSeconds", closeTo(18.25, 1e-6))
                // bounce: 03-09 1/2, 03-10 4/6: the mean of the days, not 5/8
                .body("metrics.bounceRate", closeTo((0.5 + 4 / 6.0) / 2, 1e-6))
                .body("metrics.pcBounceRate", closeTo(0.5, 1e-6)).body("metrics.wirelessBounceRate", closeTo(0.75, 1e-6))
                // home: PC L (dwell 10), A (dwell 30); wireless B
                .body("metrics.pcHomepageVisitors", equalTo(2)).body("metrics.homepageVisitors", equalTo(3))
                .body("metrics.homepagePageViews", equalTo(3)).body("metrics.pcHomepageAvgDwellSeconds", closeTo(20.0, 1e-6))
                .body("metrics.pcDetailPageVisitors", equalTo(2)).body("metrics.detailPageVisitors", equalTo(4))
                .body("metrics.detailPagePageViews", equalTo(4)).body("metrics.pcDetailPagePageViews", equalTo(2))
                // products P1, P2, P3; PC P1, P3
                .body("metrics.viewedProducts", equalTo(3)).body("metrics.pcViewedProducts", equalTo(2))
                .body("metrics.wirelessViewedProducts", equalTo(2))
                // product favorites: L (P3 on 03-09), B (P1)
                .body("metrics.productFavoriteCount", equalTo(2)).body("metrics.productFavoriteUsers", equalTo(2))
                .body("metrics.shopFavoriteCount", equalTo(3)).body("metrics.shopFavoriteUsers", equalTo(2))
                .body("metrics.visitorsChangeVsPreviousDay", equalTo(4))
                .body("metrics.pageViewsChangeVsPreviousDay", equalTo(5));
    }

    @Test
    @Order(4)
    void dailyGivesEachDaysOwnFigures() {
        JsonPath daily = Events.as(SHOP, "analyst")
                .get("/shops/{s}/traffic/daily?from=2026-03-09&to=2026-03-10", SHOP).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("2026-03-09", "2026-03-10"), daily.getList("days.date"));
        assertEquals(2, daily.getInt("days[0].metrics.visitors"));
        assertEquals(0.5, daily.getDouble("days[0].metrics.bounceRate"), 1e-6);
        assertEquals(6, daily.getInt("days[1].metrics.visitors"));
        assertEquals(2, daily.getInt("days[1].metrics.returningVisitors"));
        assertEquals(TRAFFIC_KEYS, new TreeSet<>(daily.getMap("days[1].metrics").keySet()));
    }

    @Test
    @Order(5)
    void replayingEveryBatchChangesNothing() {
        Map<String, Object> before = metrics(SHOP, "2026-03-03", "2026-03-10").extract().jsonPath().getMap("metrics");
        post(SHOP, EARLIER).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(5));
        post(SHOP, MAIN_DAY).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(12));
        post(SHOP, LATE).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        assertEquals(before, metrics(SHOP, "2026-03-03", "2026-03-10").extract().jsonPath().getMap("metrics"));
    }

    @Test
    @Order(6)
    void anEmptyPeriodHasZerosAndNullRatios() {
        metrics(SHOP, "2025-01-01", "2025-01-31").body("metrics.visitors", equalTo(0))
                .body("metrics.bounceRate", equalTo(null)).body("metrics.returningVisitorShare", equalTo(null))
                .body("metrics.pcHomepageAvgDwellSeconds", equalTo(null));
    }
}
