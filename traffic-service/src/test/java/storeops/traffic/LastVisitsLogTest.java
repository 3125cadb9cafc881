package storeops.traffic;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static storeops.traffic.Events.as;
import static storeops.traffic.Events.event;
import static storeops.traffic.Events.post;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import storeops.traffic.repository.ViewLogStore;

/**
 * last-visits answered from the day view log: the same answers as the definition worked out here
 * over the raw events, whatever the arrival order and replays, after a day's chunks are merged
 * (by this reader or by another instance), after a late event, and for days stored before the
 * log existed (answered from the events).
 */
@QuarkusTest
class LastVisitsLogTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant FIRST = LocalDate.parse("2026-06-01").atStartOfDay(SHANGHAI).toInstant();
    private static final long HOUR = 3_600_000L;
    private static final long LOOKBACK = 168 * HOUR;
    private static final String[] SOURCES = {"DIRECT", "ORGANIC_SEARCH", "TAOBAOKE", null, "ZHITONGCHE", "JUHUASUAN"};
    private static final String[] ACTIONS = {"VIEW", "VIEW", "VIEW", "ADD_TO_CART", "FAVORITE_SHOP"};

    record E(String id, String visitor, long at, String source, String action) {
        String json() {
            return event(id, visitor, Instant.ofEpochMilli(at).toString(), "WAP", "HOME", null, source, action, 3);
        }
    }

    record Q(String buyer, long at) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ViewLogStore viewLog;

    /** 20 days of events of 30 visitors at random milliseconds (so at midnight too), none at the same instant. */
    static List<E> generate(Random random, String prefix, int count) {
        return generate(random, prefix, count, FIRST);
    }

    static List<E> generate(Random random, String prefix, int count, Instant first) {
        List<E> events = new ArrayList<>();
        Set<Long> instants = new HashSet<>();
        for (int i = 0; i < count; i++) {
            long at;
            do {
                at = first.toEpochMilli() + (long) (random.nextDouble() * 20 * 24 * HOUR);
            } while (!instants.add(at));
            events.add(new E(prefix + i, "b" + random.nextInt(30), at, SOURCES[random.nextInt(SOURCES.length)],
                    ACTIONS[random.nextInt(ACTIONS.length)]));
        }
        return events;
    }

    /** The definition: the source of the buyer's last VIEW at or before the instant, within 168 hours. */
    static String expected(List<E> events, Q q) {
        E last = null;
        for (E e : events) {
            if (e.visitor().equals(q.buyer()) && e.action().equals("VIEW") && e.at() <= q.at()
                    && e.at() >= q.at() - LOOKBACK && (last == null || e.at() > last.at())) {
                last = e;
            }
        }
        return last == null ? null : last.source() == null ? "OTHER" : last.source();
    }

    static List<Q> queries(Random random, List<E> events) {
        List<Q> queries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            E near = events.get(random.nextInt(events.size()));
            // at a view's very instant, just before it, or hours after it (past the look-back too)
            long at = switch (i % 4) {
                case 0 -> near.at();
                case 1 -> near.at() - 1;
                case 2 -> near.at() + (long) (random.nextDouble() * 200 * HOUR);
                default -> near.at() + LOOKBACK + random.nextInt(2);
            };
            queries.add(new Q(i % 10 == 0 ? "nobody" : near.visitor(), at));
        }
        return queries;
    }

    static List<Object> ask(String shop, List<Q> queries) {
        StringBuilder buyers = new StringBuilder();
        StringBuilder instants = new StringBuilder();
        for (Q q : queries) {
            buyers.append(buyers.isEmpty() ? "\"" : ",\"").append(q.buyer()).append('"');
            instants.append(instants.isEmpty() ? "" : ",").append(q.at());
        }
        return as(shop, "analyst").body("{\"lookbackHours\":168,\"buyerIds\":[" + buyers + "],\"at\":[" + instants + "]}")
                .post("/shops/{s}/traffic/last-visits", shop).then().statusCode(200).extract().jsonPath().getList("sources");
    }

    static void assertAnswers(String shop, List<E> events, List<Q> queries, String when) {
        List<Object> sources = ask(shop, queries);
        for (int i = 0; i < queries.size(); i++) {
            assertEquals(expected(events, queries.get(i)), sources.get(i), when + ", query " + i + " " + queries.get(i));
        }
    }

    /** Shuffled batches of 11, each posted twice (the replay is all duplicates). */
    /** Posts the events shuffled, then asks random queries about them: the answers follow the definition. */
    static List<Q> postedAndAnswered(String shop, List<E> events, Random random, String when) {
        postShuffled(shop, events, random);
        List<Q> queries = queries(random, events);
        assertAnswers(shop, events, queries, when);
        return queries;
    }

    static void postShuffled(String shop, List<E> events, Random random) {
        List<E> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);
        for (int start = 0; start < shuffled.size(); start += 11) {
            List<String> batch = shuffled.subList(start, Math.min(shuffled.size(), start + 11)).stream().map(E::json).toList();
            post(shop, batch).statusCode(200);
            post(shop, batch).statusCode(200).body("accepted", equalTo(0));
        }
    }

    @Test
    void answersFollowTheDefinitionAfterMergesAndLateEvents() throws SQLException {
        String shop = "log-answers";
        Random random = new Random(5);
        List<E> events = generate(random, "e", 1_500);
        List<Q> queries = postedAndAnswered(shop, events, random, "as posted");
        // 1,500 events in batches of 11 put more than 32 chunks on most days: reading merged them
        LocalDate busiest = busiestDay(shop);
        assertEquals(1, chunks(shop, busiest), "the day's chunks merged into one");
        assertAnswers(shop, events, queries, "after the merge");

        // a late view of every queried buyer right at each query's instant: the cached days must see it
        List<E> late = new ArrayList<>();
        for (int i = 0; i < queries.size(); i += 7) {
            Q q = queries.get(i);
            late.add(new E("late" + i, q.buyer(), q.at(), "ZUANZHAN", "VIEW"));
        }
        Set<Long> taken = new HashSet<>();
        events.forEach(e -> taken.add(e.at()));
        late.removeIf(e -> !taken.add(e.at()));
        post(shop, late.stream().map(E::json).toList()).statusCode(200);
        events.addAll(late);
        assertAnswers(shop, events, queries, "after late views");
    }

    @Test
    void aDayMergedByAnotherInstanceIsReadAgain() throws SQLException {
        String shop = "log-merged-elsewhere";
        Random random = new Random(9);
        List<E> events = generate(random, "m", 400);
        // batches of 5: about 4 chunks a day, under the merge threshold
        for (int start = 0; start < events.size(); start += 5) {
            post(shop, events.subList(start, start + 5).stream().map(E::json).toList()).statusCode(200);
        }
        List<Q> queries = queries(random, events);
        assertAnswers(shop, events, queries, "as posted");
        // another instance merges every day (their views again, under a new chunk id) behind this one's cache
        for (LocalDate day = LocalDate.parse("2026-05-31"); day.isBefore(LocalDate.parse("2026-06-23")); day = day.plusDays(1)) {
            var stored = viewLog.chunks(shop, day, day).get(day);
            if (stored != null) {
                long[] views = viewLog.load(shop, day, stored.chunkIds());
                java.util.Arrays.sort(views);
                viewLog.merge(shop, day, stored.chunkIds(), views);
                assertEquals(1, chunks(shop, day));
            }
        }
        List<E> more = generate(new Random(10), "n", 60);
        more.removeIf(e -> events.stream().anyMatch(o -> o.at() == e.at()));
        post(shop, more.stream().map(E::json).toList()).statusCode(200);
        events.addAll(more);
        assertAnswers(shop, events, queries, "after another instance's merge and a new batch");
    }

    /** A shop in Europe/Berlin (configured for the tests): its natural days are 23 and 25 hours long around the changes. */
    @Test
    void answersFollowTheDefinitionAcrossDaylightSavingChanges() {
        String shop = "log-dst";
        Random random = new Random(17);
        List<E> events = generate(random, "d", 600, Instant.parse("2026-03-20T00:00:00Z"));
        events.addAll(generate(new Random(18), "o", 600, Instant.parse("2026-10-15T00:00:00Z")));
        Set<Long> instants = new HashSet<>();
        events.removeIf(e -> !instants.add(e.at()));
        postedAndAnswered(shop, events, random, "across the spring and autumn changes");
    }

    /**
     * A shop at UTC+18:00 (the farthest offset a zone may have): a view in the first hours of its
     * day falls before what the day's packing holds, so the day is marked incomplete and its
     * queries are answered from the events, with the same answers.
     */
    @Test
    void viewsThePackingCannotHoldAreAnsweredFromTheEvents() throws SQLException {
        String shop = "log-far-east";
        Random random = new Random(21);
        List<E> events = generate(random, "f", 400);
        postedAndAnswered(shop, events, random, "with days marked incomplete");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM view_log_incomplete WHERE shop_id = ?")) {
            ps.setString(1, shop);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertTrue(rs.getInt(1) > 0, "days with views before the packing's base are incomplete");
            }
        }
    }

    @Test
    void daysStoredBeforeTheLogAreAnsweredFromTheEvents() throws SQLException {
        String shop = "log-incomplete";
        Random random = new Random(13);
        List<E> events = generate(random, "i", 600);
        postShuffled(shop, events, random);
        List<Q> queries = queries(random, events);
        // as the migration leaves a database stored before the log: the days are incomplete and their chunks absent
        try (Connection c = dataSource.getConnection()) {
            update(c, "DELETE FROM view_log WHERE shop_id = ? AND day < '2026-06-10'", shop);
            update(c, "INSERT INTO view_log_incomplete (shop_id, day) SELECT DISTINCT shop_id, day FROM traffic_event"
                    + " WHERE shop_id = ? AND day < '2026-06-10'", shop);
        }
        assertAnswers(shop, events, queries, "with the first 9 days read from the events");
    }

    private LocalDate busiestDay(String shop) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT day, COUNT(*) FROM traffic_event WHERE shop_id = ?"
                        + " GROUP BY day ORDER BY COUNT(*) DESC LIMIT 1")) {
            ps.setString(1, shop);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDate(1).toLocalDate();
            }
        }
    }

    private int chunks(String shop, LocalDate day) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM view_log WHERE shop_id = ? AND day = ?")) {
            ps.setString(1, shop);
            ps.setDate(2, java.sql.Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void update(Connection c, String sql, String shop) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, shop);
            ps.executeUpdate();
        }
    }
}
