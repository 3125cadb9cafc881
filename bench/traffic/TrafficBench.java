import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingestion and read benchmark of traffic-service (see run.sh): N events of a realistic shop through
 * POST /traffic/events in batches from concurrent clients, the same rows through plain JDBC
 * multi-row inserts as the baseline, then the 30-day reads: metrics (cached, uncached, after a late
 * event), daily and people, and the gateway's joins (channels, people of 50,000 buyers, last-visits
 * of 60,000 orders) over 30 days.
 */
public class TrafficBench {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String[] TERMINALS = {"PC", "TAOBAO_APP", "TMALL_APP", "WAP"};
    static final double[] TERMINAL_WEIGHTS = {0.25, 0.45, 0.20, 0.10};
    static final String[] SOURCES = {"ORGANIC_SEARCH", "ZHITONGCHE", "TAOBAOKE", "ZUANZHAN", "JUHUASUAN", "DIRECT", "OTHER"};
    static final double[] SOURCE_WEIGHTS = {0.35, 0.2, 0.1, 0.05, 0.05, 0.2, 0.05};

    record Event(String id, String visitor, long at, String terminal, String page, String product, String source,
            String action, int dwell) {
    }

    public static void main(String[] args) throws Exception {
        try {
            bench(args);
        } finally {
            // the HTTP client's threads would keep the JVM alive after a failure
            System.exit(0);
        }
    }

    static void bench(String[] args) throws Exception {
        boolean skipIngest = Boolean.parseBoolean(arg(args, "--skip-ingest", "false"));
        String base = arg(args, "--url", "http://127.0.0.1:28181");
        String jdbc = arg(args, "--jdbc", "jdbc:mysql://127.0.0.1:3306/storeops_traffic_bench");
        String shop = arg(args, "--shop", "bench-shop");
        int total = Integer.parseInt(arg(args, "--events", "2000000"));
        int perDay = Integer.parseInt(arg(args, "--visitors-per-day", "100000"));
        int batch = Integer.parseInt(arg(args, "--batch", "5000"));
        int clients = Integer.parseInt(arg(args, "--clients", "4"));
        int calls = Integer.parseInt(arg(args, "--metric-calls", "50"));
        String issuer = arg(args, "--issuer", "https://bench.storeops.local");
        Path key = Path.of(arg(args, "--key", "testing/src/main/resources/test-keys/private.pem"));
        LocalDate firstDay = LocalDate.parse(arg(args, "--first-day", "2026-11-01"));

        List<Event> events = generate(total, perDay, firstDay);
        LocalDate lastDay = Instant.ofEpochMilli(events.get(events.size() - 1).at()).atZone(ZONE).toLocalDate();
        System.out.printf("generated %,d events over %s..%s (%d visitors a day)%n", events.size(), firstDay, lastDay, perDay);
        List<byte[]> bodies = new ArrayList<>();
        for (int start = 0; start < events.size(); start += batch) {
            bodies.add(json(events.subList(start, Math.min(events.size(), start + batch))));
        }
        String token = token(key, issuer, shop);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        AtomicInteger next = new AtomicInteger();
        if (!skipIngest) {
            ingest(http, base, shop, token, events, bodies, jdbc, batch, clients, next);
        }
        reads(http, base, shop, token, firstDay, lastDay, calls);
        joins(http, base, shop, token, firstDay, lastDay, Integer.parseInt(arg(args, "--join-calls", "20")),
                perDay * 5 / 2);
    }

    /**
     * The gateway's joins over a 30-day period, as it calls them: channels; people for 50,000 buyer
     * ids (ids of the visitor pool, so most of them visited); last-visits for 60,000 (buyer, instant)
     * queries at instants spread over the data's days.
     */
    static void joins(HttpClient http, String base, String shop, String token, LocalDate firstDay, LocalDate lastDay,
            int calls, int pool) throws Exception {
        String period = "from=" + firstDay + "&to=" + firstDay.plusDays(29);
        double[] channels = new double[calls];
        String sample = null;
        for (int i = 0; i < calls; i++) {
            sample = timedGet(http, token, base + "/shops/" + shop + "/traffic/channels?" + period, channels, i);
        }
        report("traffic/channels, 30 days", channels);
        System.out.println("channels: " + sample);

        Random random = new Random(5);
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            ids.append(i == 0 ? "" : ",").append("\"v").append(random.nextInt(pool)).append('"');
        }
        String people = "{\"from\":\"" + firstDay + "\",\"to\":\"" + firstDay.plusDays(29) + "\",\"buyerIds\":[" + ids + "]}";
        double[] peopleMs = new double[calls];
        for (int i = 0; i < calls; i++) {
            String body = timedPost(http, token, base + "/shops/" + shop + "/traffic/people", people, peopleMs, i);
            if (i == 0) {
                int unvisited = body.indexOf("\"unvisited\"");
                System.out.println("people of 50,000 ids: " + body.substring(0, Math.min(body.length(), 70))
                        + "... " + count(body.substring(unvisited, body.indexOf(']', unvisited))) + " not visitors");
            }
        }
        report("traffic/people, 30 days, 50,000 buyer ids", peopleMs);

        long start = firstDay.atStartOfDay(ZONE).toInstant().toEpochMilli();
        long span = lastDay.plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli() - start;
        StringBuilder buyers = new StringBuilder();
        StringBuilder instants = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            buyers.append(i == 0 ? "\"v" : ",\"v").append(random.nextInt(pool)).append('"');
            instants.append(i == 0 ? "" : ",").append(start + (long) (random.nextDouble() * span));
        }
        String lastVisits = "{\"lookbackHours\":168,\"buyerIds\":[" + buyers + "],\"at\":[" + instants + "]}";
        double[] lastMs = new double[calls];
        for (int i = 0; i < calls; i++) {
            String body = timedPost(http, token, base + "/shops/" + shop + "/traffic/last-visits", lastVisits, lastMs, i);
            if (i == 0) {
                String sources = body.substring(body.indexOf("\"sources\""), body.indexOf("\"visitedAt\""));
                System.out.printf("last-visits of 60,000 queries: %,d with a visit%n",
                        sources.split("\"", -1).length / 2 - 1);
            }
        }
        report("traffic/last-visits, 60,000 queries", lastMs);
    }

    /** The quoted ids after the field name in {@code "name":["a","b"}. */
    static int count(String field) {
        return (int) field.chars().filter(c -> c == '"').count() / 2 - 1;
    }

    static String timedPost(HttpClient http, String token, String url, String body, double[] ms, int i) throws Exception {
        long s = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        ms[i] = (System.nanoTime() - s) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static void ingest(HttpClient http, String base, String shop, String token, List<Event> events, List<byte[]> bodies,
            String jdbc, int batch, int clients, AtomicInteger next) throws Exception {
        // 1. through the service = new AtomicInteger();
        long accepted[] = new long[1];
        long t0 = System.nanoTime();
        run(clients, () -> {
            int i;
            long mine = 0;
            while ((i = next.getAndIncrement()) < bodies.size()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/shops/" + shop + "/traffic/events"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("batch " + i + ": " + r.statusCode() + " " + r.body());
                }
                String body = r.body();
                int a = body.indexOf("\"accepted\":") + 11;
                mine += Long.parseLong(body.substring(a, body.indexOf(',', a)));
            }
            synchronized (accepted) {
                accepted[0] += mine;
            }
            return null;
        });
        double httpSeconds = (System.nanoTime() - t0) / 1e9;
        double httpRate = events.size() / httpSeconds;
        System.out.printf("HTTP ingestion: %,d events (%,d accepted) in %.1f s = %,.0f events/s (%d clients, batches of %d)%n",
                events.size(), accepted[0], httpSeconds, httpRate, clients, batch);

        // 2. the baseline: the same rows by plain JDBC multi-row inserts into a copy of the raw table
        try (Connection c = DriverManager.getConnection(jdbc, "root", "")) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS bench_baseline_event");
                st.execute("CREATE TABLE bench_baseline_event LIKE traffic_event");
            }
        }
        next.set(0);
        t0 = System.nanoTime();
        run(clients, () -> {
            try (Connection c = DriverManager.getConnection(jdbc + "?rewriteBatchedStatements=true", "root", "")) {
                c.setAutoCommit(false);
                int i;
                while ((i = next.getAndIncrement()) * batch < events.size()) {
                    List<Event> chunk = events.subList(i * batch, Math.min(events.size(), (i + 1) * batch));
                    try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO bench_baseline_event (shop_id, event_id,"
                            + " visitor_id, occurred_at, day, terminal, page, product_id, source, action, dwell_seconds, ingest_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        for (Event e : chunk) {
                            ps.setString(1, shop);
                            ps.setString(2, e.id());
                            ps.setString(3, e.visitor());
                            ps.setLong(4, e.at());
                            ps.setDate(5, Date.valueOf(Instant.ofEpochMilli(e.at()).atZone(ZONE).toLocalDate()));
                            ps.setString(6, e.terminal());
                            ps.setString(7, e.page());
                            ps.setString(8, e.product());
                            ps.setString(9, e.source());
                            ps.setString(10, e.action());
                            ps.setInt(11, e.dwell());
                            ps.setLong(12, i);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    c.commit();
                }
            }
            return null;
        });
        double jdbcSeconds = (System.nanoTime() - t0) / 1e9;
        double jdbcRate = events.size() / jdbcSeconds;
        System.out.printf("JDBC baseline (multi-row INSERT, rewriteBatchedStatements, raw rows only): %.1f s = %,.0f events/s%n",
                jdbcSeconds, jdbcRate);
        System.out.printf("ratio HTTP / baseline: %.2f%n", httpRate / jdbcRate);
    }

    static void reads(HttpClient http, String base, String shop, String token, LocalDate firstDay, LocalDate lastDay,
            int calls) throws Exception {

        // 3. metrics over 30 days: the same period 50 times (the service caches an answer until the
        // shop's data changes), then 50 different 30-day windows, never asked before (never cached):
        // the first ones hold every event, the later ones slide off the data
        String path = base + "/shops/" + shop + "/traffic/metrics?from=%s&to=%s";
        double[] same = new double[calls];
        String sample = null;
        for (int i = 0; i < calls; i++) {
            sample = timedGet(http, token, String.format(path, firstDay, firstDay.plusDays(29)), same, i);
        }
        report("traffic/metrics, same 30-day period", same);
        double[] distinct = new double[calls];
        for (int i = 0; i < calls; i++) {
            LocalDate from = firstDay.minusDays(i + 1);
            timedGet(http, token, String.format(path, from, from.plusDays(29)), distinct, i);
        }
        report("traffic/metrics, different 30-day windows (uncached)", distinct);

        // 4. right after a late event (yesterday's data changes, every cached answer is stale)
        int lateCalls = Math.max(1, calls / 2);
        double[] afterLate = new double[lateCalls];
        double[] dailyAfterLate = new double[lateCalls];
        String events = base + "/shops/" + shop + "/traffic/events";
        for (int i = 0; i < lateCalls; i++) {
            long at = lastDay.minusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli() + 3_600_000L + i;
            byte[] late = json(List.of(new Event("late-" + System.nanoTime(), "late-visitor-" + i, at, "WAP", "HOME",
                    null, "DIRECT", "VIEW", 10)));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(events))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(late)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("late event: " + r.statusCode() + " " + r.body());
            }
            timedGet(http, token, String.format(path, firstDay, firstDay.plusDays(29)), afterLate, i);
            timedGet(http, token, String.format(base + "/shops/" + shop + "/traffic/daily?from=%s&to=%s",
                    firstDay, firstDay.plusDays(29)), dailyAfterLate, i);
        }
        report("traffic/metrics, 30 days right after a late event", afterLate);
        report("traffic/daily, 30 days right after a late event", dailyAfterLate);

        // 5. the gateway's people counts over 30 days (a handful of buyer ids)
        double[] people = new double[lateCalls];
        for (int i = 0; i < lateCalls; i++) {
            LocalDate from = firstDay.minusDays(i);
            String body = "{\"from\":\"" + from + "\",\"to\":\"" + from.plusDays(29)
                    + "\",\"buyerIds\":[\"v1\",\"v2\",\"v3\"]}";
            long s = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/shops/" + shop + "/traffic/people"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            people[i] = (System.nanoTime() - s) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("people: " + r.statusCode() + " " + r.body());
            }
            if (i == 0) {
                System.out.println("people: " + r.body());
            }
        }
        report("traffic/people, 30 days", people);
        System.out.println("sample: " + sample.substring(0, Math.min(600, sample.length())) + "...");
    }

    static String timedGet(HttpClient http, String token, String url, double[] ms, int i) throws Exception {
        long s = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        ms[i] = (System.nanoTime() - s) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("metrics: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static void report(String what, double[] ms) {
        double first = ms[0];
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        System.out.printf("%s, %d calls: first %.0f ms, p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                what, n, first, sorted[(int) Math.ceil(n * 0.50) - 1], sorted[(int) Math.ceil(n * 0.95) - 1], sorted[n - 1]);
    }

    /** 100,000 visitors a day out of a pool of 2.5 days' worth, so that many come back within 6 days. */
    static List<Event> generate(int total, int perDay, LocalDate firstDay) {
        Random random = new Random(42);
        List<Event> events = new ArrayList<>(total + 16);
        int pool = perDay * 5 / 2;
        int id = 0;
        for (LocalDate day = firstDay; events.size() < total; day = day.plusDays(1)) {
            long dayStart = day.atStartOfDay(ZONE).toInstant().toEpochMilli();
            List<Event> today = new ArrayList<>();
            for (int v = 0; v < perDay && events.size() + today.size() < total; v++) {
                String visitor = "v" + random.nextInt(pool);
                String terminal = pick(random, TERMINALS, TERMINAL_WEIGHTS);
                String source = pick(random, SOURCES, SOURCE_WEIGHTS);
                // a third bounce; the others view 2 to 9 pages
                int views = random.nextDouble() < 0.35 ? 1 : 2 + random.nextInt(8);
                long at = dayStart + (long) (random.nextDouble() * 86_000_000L);
                for (int k = 0; k < views; k++) {
                    double p = random.nextDouble();
                    String page = p < 0.25 ? "HOME" : p < 0.85 ? "DETAIL" : "OTHER";
                    String product = page.equals("DETAIL") ? "P" + random.nextInt(3000) : null;
                    today.add(new Event("e" + (id++), visitor, at, terminal, page, product, source, "VIEW", 5 + random.nextInt(120)));
                    at += 1000 + random.nextInt(60_000);
                    double a = random.nextDouble();
                    if (a < 0.08) {
                        String action = a < 0.02 ? "FAVORITE_SHOP" : a < 0.05 ? "FAVORITE_PRODUCT" : "ADD_TO_CART";
                        today.add(new Event("e" + (id++), visitor, at, terminal, page,
                                product == null ? "P" + random.nextInt(3000) : product, source, action, 0));
                    }
                }
            }
            // trackers deliver roughly in time order: sort the day by time
            today.sort((x, y) -> Long.compare(x.at(), y.at()));
            events.addAll(today);
        }
        return events.subList(0, Math.min(total, events.size()));
    }

    static String pick(Random random, String[] values, double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    static byte[] json(List<Event> events) {
        StringBuilder sb = new StringBuilder(events.size() * 200).append('[');
        for (Event e : events) {
            sb.append(sb.length() == 1 ? "" : ",").append("{\"eventId\":\"").append(e.id()).append("\",\"visitorId\":\"")
                    .append(e.visitor()).append("\",\"occurredAt\":\"").append(Instant.ofEpochMilli(e.at()))
                    .append("\",\"terminal\":\"").append(e.terminal()).append("\",\"page\":\"").append(e.page()).append('"');
            if (e.product() != null) {
                sb.append(",\"productId\":\"").append(e.product()).append('"');
            }
            sb.append(",\"source\":\"").append(e.source()).append("\",\"action\":\"").append(e.action())
                    .append("\",\"dwellSeconds\":").append(e.dwell()).append('}');
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    static String token(Path keyFile, String issuer, String shop) throws Exception {
        String pem = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"" + issuer + "\",\"upn\":\"bench\",\"sub\":\"bench\",\"groups\":[\"tracker\",\"analyst\"],"
                + "\"shops\":[\"" + shop + "\"],\"iat\":" + now + ",\"exp\":" + (now + 7200) + "}");
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    interface Task {
        Void call() throws Exception;
    }

    static void run(int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Void>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(task::call));
        }
        for (Future<Void> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
