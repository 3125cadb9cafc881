package storeops.traffic;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static storeops.traffic.Events.as;
import static storeops.traffic.Events.event;
import static storeops.traffic.Events.metrics;
import static storeops.traffic.Events.post;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import storeops.traffic.domain.Source;

/**
 * The distinct counts kept as day sets of visitor keys (metrics, people, channels): the same
 * figures whatever the arrival order, with replays, and after the sets are rebuilt from the
 * visitor-day rows the service wrote before the sets existed; each checked
 * against the definitions worked out here over the raw events.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitorSetsTest {

    private static final String IN_ORDER = "sets-in-order";
    private static final String SHUFFLED = "sets-shuffled";
    private static final String CONCURRENT = "sets-concurrent";
    private static final String REBUILT = "sets-rebuilt";
    private static final LocalDate FIRST = LocalDate.parse("2026-05-01");
    private static final int DAYS = 12;
    private static final String[] TERMINALS = {"PC", "WAP", "TAOBAO_APP", "TMALL_APP"};
    private static final String[] PAGES = {"HOME", "DETAIL", "OTHER"};
    private static final String[] ACTIONS = {"VIEW", "VIEW", "VIEW", "VIEW", "FAVORITE_SHOP", "FAVORITE_PRODUCT",
        "ADD_TO_CART"};

    /** A generated event, in the shop's days (10:00 to 22:00 Shanghai, so the UTC date is the day). */
    record E(String id, String visitor, LocalDate day, String terminal, String page, String action) {
        String json() {
            return event(id, visitor, day + "T" + String.format("%02d", 2 + Math.floorMod(id.hashCode(), 12)) + ":00:00Z",
                    terminal, page, "DETAIL".equals(page) ? "P" + Math.floorMod(id.hashCode(), 5) : null, source(),
                    action, 1);
        }

        /** Some events without a source: those count as OTHER. */
        String source() {
            String[] sources = {"DIRECT", "ORGANIC_SEARCH", "TAOBAOKE", null, "ZHITONGCHE"};
            return sources[Math.floorMod(id.hashCode() / 7, sources.length)];
        }

        boolean view() {
            return action.equals("VIEW");
        }

        boolean pc() {
            return terminal.equals("PC");
        }
    }

    static final List<E> EVENTS = generate();

    @Inject
    AgroalDataSource dataSource;

    /** Per instance: a subclass runs against another database, which needs the data set too. */
    private boolean loaded;

    static List<E> generate() {
        Random random = new Random(7);
        List<E> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            events.add(new E("s" + i, "v" + random.nextInt(40), FIRST.plusDays(random.nextInt(DAYS)),
                    TERMINALS[random.nextInt(4)], PAGES[random.nextInt(3)], ACTIONS[random.nextInt(ACTIONS.length)]));
        }
        return events;
    }

    static List<String> json(List<E> events) {
        return events.stream().map(E::json).toList();
    }

    /** How many clients post the shuffled batches at once. */
    int concurrentClients() {
        return 4;
    }

    @BeforeEach
    void load() throws Exception {
        if (loaded) {
            return;
        }
        loaded = true;
        post(IN_ORDER, json(EVENTS)).statusCode(200).body("accepted", equalTo(EVENTS.size()));

        // the same events shuffled, in batches of 37, each posted twice, then the first ones again
        List<E> shuffled = new ArrayList<>(EVENTS);
        Collections.shuffle(shuffled, new Random(11));
        for (int start = 0; start < shuffled.size(); start += 37) {
            List<String> batch = json(shuffled.subList(start, Math.min(shuffled.size(), start + 37)));
            post(SHUFFLED, batch).statusCode(200);
            post(SHUFFLED, batch).statusCode(200).body("accepted", equalTo(0));
        }
        post(SHUFFLED, json(shuffled.subList(0, 100))).statusCode(200).body("accepted", equalTo(0));

        // the shuffled batches from four clients at once: batches of one day meet on its sets
        ExecutorService clients = Executors.newFixedThreadPool(concurrentClients());
        try {
            List<Future<?>> posted = new ArrayList<>();
            for (int start = 0; start < shuffled.size(); start += 20) {
                List<String> batch = json(shuffled.subList(start, Math.min(shuffled.size(), start + 20)));
                posted.add(clients.submit(() -> post(CONCURRENT, batch).statusCode(200)));
            }
            for (Future<?> f : posted) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }

        // stored as before the sets existed: the visitor-day rows the service kept then, the sets
        // dropped and the days marked pending, then a last batch arrives (and makes partial sets of
        // its days) before the first read
        int split = 450;
        post(REBUILT, json(EVENTS.subList(0, split))).statusCode(200);
        try (Connection c = dataSource.getConnection()) {
            execute(c, LEGACY_VISITOR_DAYS, REBUILT);
            execute(c, "DELETE FROM visitor_bitmap WHERE shop_id = ?", REBUILT);
            execute(c, "INSERT INTO visitor_bitmap_pending (shop_id, day) SELECT DISTINCT shop_id, day FROM visitor_day"
                    + " WHERE shop_id = ?", REBUILT);
        }
        post(REBUILT, json(EVENTS.subList(split, EVENTS.size()))).statusCode(200);
    }

    /** The visitor-day rows of the shop's stored events, as the service wrote them before the day sets. */
    private static final String LEGACY_VISITOR_DAYS = "INSERT INTO visitor_day (shop_id, day, grp, visitor_id,"
            + " page_views, prev_page_views, wap_views, taobao_app_views, tmall_app_views, home_views, detail_views,"
            + " dwell_seconds, home_dwell_seconds, shop_favorites, product_favorites, cart_adds, sources)"
            + " SELECT shop_id, day, CASE WHEN terminal = 'PC' THEN 'P' ELSE 'W' END, visitor_id,"
            + " SUM(CASE WHEN action = 'VIEW' THEN 1 ELSE 0 END), 0,"
            + " SUM(CASE WHEN action = 'VIEW' AND terminal = 'WAP' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN action = 'VIEW' AND terminal = 'TAOBAO_APP' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN action = 'VIEW' AND terminal = 'TMALL_APP' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN action = 'VIEW' AND page = 'HOME' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN action = 'VIEW' AND page = 'DETAIL' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN action = 'VIEW' THEN dwell_seconds ELSE 0 END),"
            + " SUM(CASE WHEN action = 'VIEW' AND page = 'HOME' THEN dwell_seconds ELSE 0 END),"
            + " SUM(CASE WHEN action = 'FAVORITE_SHOP' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN action = 'FAVORITE_PRODUCT' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN action = 'ADD_TO_CART' THEN 1 ELSE 0 END), "
            + Arrays.stream(Source.values()).map(source -> "MAX(CASE WHEN action = 'VIEW' AND source = '" + source.name()
                    + "' THEN " + source.bit() + " ELSE 0 END)").collect(Collectors.joining(" + "))
            + " FROM traffic_event WHERE shop_id = ? GROUP BY shop_id, day, CASE WHEN terminal = 'PC' THEN 'P' ELSE 'W' END,"
            + " visitor_id";

    private static void execute(Connection c, String sql, String shop) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, shop);
            ps.executeUpdate();
        }
    }

    @Test
    void everyArrivalOrderAndTheRebuiltSetsGiveTheFiguresOfTheDefinitions() throws SQLException {
        List<LocalDate[]> periods = List.of(period(0, DAYS - 1), period(0, 0), period(3, 9), period(6, 6),
                period(7, DAYS + 3), period(-5, 2));
        for (LocalDate[] p : periods) {
            Map<String, Object> expected = metricsOf(IN_ORDER, p);
            assertEquals(expected, metricsOf(SHUFFLED, p), "shuffled and replayed, " + p[0] + ".." + p[1]);
            assertEquals(expected, metricsOf(CONCURRENT, p), "concurrent batches, " + p[0] + ".." + p[1]);
            assertEquals(expected, metricsOf(REBUILT, p), "rebuilt, " + p[0] + ".." + p[1]);
            Oracle oracle = new Oracle(p[0], p[1]);
            for (var key : oracle.figures().entrySet()) {
                assertEquals(key.getValue(), ((Number) expected.get(key.getKey())).longValue(),
                        key.getKey() + " " + p[0] + ".." + p[1]);
            }
            List<String> buyers = List.of("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "nobody");
            for (String shop : List.of(IN_ORDER, SHUFFLED, REBUILT, CONCURRENT)) {
                as(shop, "analyst").body("{\"from\":\"" + p[0] + "\",\"to\":\"" + p[1] + "\",\"buyerIds\":[\""
                        + String.join("\",\"", buyers) + "\"]}")
                        .post("/shops/{s}/traffic/people", shop).then().statusCode(200)
                        .body("distinctVisitors", equalTo(oracle.people().size()))
                        .body("effectiveVisitors", equalTo(oracle.effective().size()))
                        .body("unvisited", equalTo(buyers.stream().filter(b -> !oracle.people().contains(b)).toList()))
                        .body("notEffective", equalTo(buyers.stream().filter(b -> !oracle.effective().contains(b)).toList()));
                as(shop, "analyst").get("/shops/{s}/traffic/channels?from=" + p[0] + "&to=" + p[1], shop).then()
                        .statusCode(200).body("channels.visitors", equalTo(oracle.channelVisitors()));
            }
        }
        String daily = "/shops/{s}/traffic/daily?from=" + FIRST.minusDays(1) + "&to=" + FIRST.plusDays(DAYS);
        Object days = as(IN_ORDER, "analyst").get(daily, IN_ORDER).then().statusCode(200).extract().path("days");
        assertEquals(days, as(SHUFFLED, "analyst").get(daily, SHUFFLED).then().extract().path("days"));
        assertEquals(days, as(CONCURRENT, "analyst").get(daily, CONCURRENT).then().extract().path("days"));
        assertEquals(days, as(REBUILT, "analyst").get(daily, REBUILT).then().extract().path("days"));
        // each day of the daily answer is the metrics of that day alone
        assertEquals(metricsOf(IN_ORDER, period(4, 4)),
                as(IN_ORDER, "analyst").get(daily, IN_ORDER).then().extract().jsonPath().getMap("days[5].metrics"));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM visitor_bitmap_pending WHERE shop_id = ?")) {
            ps.setString(1, REBUILT);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1), "every pending day was built at the first read");
            }
        }
    }

    private static LocalDate[] period(int from, int to) {
        return new LocalDate[] {FIRST.plusDays(from), FIRST.plusDays(to)};
    }

    private static Map<String, Object> metricsOf(String shop, LocalDate[] p) {
        return metrics(shop, p[0].toString(), p[1].toString()).extract().jsonPath().getMap("metrics");
    }

    /** The distinct counts of a period worked out from the definitions over the raw events. */
    record Oracle(LocalDate from, LocalDate to) {

        boolean in(E e) {
            return !e.day().isBefore(from) && !e.day().isAfter(to);
        }

        Set<String> viewers(boolean pc, java.util.function.Predicate<E> filter) {
            Set<String> people = new HashSet<>();
            for (E e : EVENTS) {
                if (in(e) && e.view() && e.pc() == pc && filter.test(e)) {
                    people.add(e.visitor());
                }
            }
            return people;
        }

        /** Returning: a view in the group within the 6 days before the visitor's first visit day in the period. */
        long returning(boolean pc) {
            Map<String, LocalDate> first = new HashMap<>();
            for (E e : EVENTS) {
                if (in(e) && e.view() && e.pc() == pc) {
                    first.merge(e.visitor(), e.day(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            Set<String> returning = new HashSet<>();
            for (E e : EVENTS) {
                LocalDate f = first.get(e.visitor());
                if (f != null && e.view() && e.pc() == pc && e.day().isBefore(f) && !e.day().isBefore(f.minusDays(6))) {
                    returning.add(e.visitor());
                }
            }
            return returning.size();
        }

        long favoriteUsers(String action) {
            return EVENTS.stream().filter(e -> in(e) && e.action().equals(action)).map(E::visitor).distinct().count();
        }

        Map<String, Long> figures() {
            Map<String, Long> f = new HashMap<>();
            f.put("pcVisitors", (long) viewers(true, e -> true).size());
            f.put("wirelessVisitors", (long) viewers(false, e -> true).size());
            f.put("wapVisitors", (long) viewers(false, e -> e.terminal().equals("WAP")).size());
            f.put("taobaoAppVisitors", (long) viewers(false, e -> e.terminal().equals("TAOBAO_APP")).size());
            f.put("tmallAppVisitors", (long) viewers(false, e -> e.terminal().equals("TMALL_APP")).size());
            f.put("pcHomepageVisitors", (long) viewers(true, e -> e.page().equals("HOME")).size());
            f.put("wirelessDetailPageVisitors", (long) viewers(false, e -> e.page().equals("DETAIL")).size());
            f.put("pcReturningVisitors", returning(true));
            f.put("wirelessReturningVisitors", returning(false));
            f.put("shopFavoriteUsers", favoriteUsers("FAVORITE_SHOP"));
            f.put("productFavoriteUsers", favoriteUsers("FAVORITE_PRODUCT"));
            return f;
        }

        /** Distinct viewers of all terminals from each channel, in the order of the channels. */
        List<Integer> channelVisitors() {
            return Arrays.stream(Source.values()).map(source -> (int) EVENTS.stream()
                    .filter(e -> in(e) && e.view() && source.name().equals(e.source() == null ? "OTHER" : e.source()))
                    .map(E::visitor).distinct().count()).toList();
        }

        /** Distinct viewers of all terminals. */
        Set<String> people() {
            Set<String> people = new HashSet<>();
            EVENTS.stream().filter(e -> in(e) && e.view()).forEach(e -> people.add(e.visitor()));
            return people;
        }

        /** Viewers of the period with, on some day, two page views (all terminals) or an action. */
        Set<String> effective() {
            Map<String, Integer> viewsOfDay = new HashMap<>();
            Set<String> effective = new HashSet<>();
            for (E e : EVENTS) {
                if (!in(e)) {
                    continue;
                }
                if (!e.view()) {
                    effective.add(e.visitor());
                } else if (viewsOfDay.merge(e.visitor() + "/" + e.day(), 1, Integer::sum) >= 2) {
                    effective.add(e.visitor());
                }
            }
            effective.retainAll(people());
            return effective;
        }
    }
}
