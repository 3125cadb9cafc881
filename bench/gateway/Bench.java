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
import java.time.Duration;
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
import java.util.function.Supplier;

/**
 * Loads a shop through the services' public APIs (DAYS days of VISITORS visitors a day, 2 % of them
 * ordering, CHATS chats a day, spend on every channel), then times kpi/overview and kpi/funnel
 * through the gateway against the same joins called straight at the services, in the same run.
 * Run by run.sh; JDK only (java Bench.java).
 */
public class Bench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String SHOP = "bench-shop";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String[] TERMINALS = {"PC", "TAOBAO_APP", "TMALL_APP", "WAP"};
    static final String[] PAGES = {"HOME", "DETAIL", "DETAIL", "OTHER"};
    static final String[] CHANNELS = {"ORGANIC_SEARCH", "ZHITONGCHE", "TAOBAOKE", "ZUANZHAN", "JUHUASUAN", "DIRECT", "OTHER"};

    static String gateway, traffic, order, desk, token;

    public static void main(String[] args) throws Exception {
        gateway = env("GATEWAY_URL", "http://127.0.0.1:18180");
        traffic = env("TRAFFIC_URL", "http://127.0.0.1:18181");
        order = env("ORDER_URL", "http://127.0.0.1:18182");
        desk = env("DESK_URL", "http://127.0.0.1:18183");
        int days = Integer.parseInt(env("DAYS", "30"));
        int visitors = Integer.parseInt(env("VISITORS", "100000"));
        int chats = Integer.parseInt(env("CHATS", "200"));
        int calls = Integer.parseInt(env("CALLS", "50"));
        token = mint(Path.of(env("PRIVATE_KEY", "testing/src/main/resources/test-keys/private.pem")));
        LocalDate last = LocalDate.parse(env("LAST_DAY", "2026-02-28"));
        LocalDate first = last.minusDays(days - 1);

        if (!"false".equals(env("LOAD", "true"))) {
            long start = System.nanoTime();
            long events = load(first, days, visitors, chats);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("loaded %d days: %,d events, %.0f s (%,.0f events/s through the public API)%n", days,
                    events, seconds, events / seconds);
        }

        String period = "?from=" + first + "&to=" + last;
        if ("true".equals(env("PROBE", "false"))) {
            probe(first, last);
            return;
        }
        String previous = "?from=" + first.minusDays(days) + "&to=" + first.minusDays(1);
        for (int i = 0; i < 3; i++) { // warm-up of both paths: a cold service may miss the gateway's deadline
            try {
                get(gateway + "/shops/" + SHOP + "/kpi/overview" + period);
                get(gateway + "/shops/" + SHOP + "/kpi/funnel" + period);
            } catch (IllegalStateException e) {
                System.out.println("warm-up: " + e.getMessage().substring(0, Math.min(160, e.getMessage().length())));
            }
            directOverview(period, previous);
        }
        int partial = 0;
        long[] overview = new long[calls], overviewDirect = new long[calls];
        long[] funnel = new long[calls], funnelDirect = new long[calls];
        long[] overviewKept = new long[calls], funnelKept = new long[calls], versionsDirect = new long[calls];
        long[] overviewAfterWrites = new long[calls], overviewAfterTraffic = new long[calls];
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < calls; i++) {
            String[] answer = new String[1];
            // composed afresh: the caller asks for no reuse, as after a write in every service
            overview[i] = time(() -> answer[0] = getFresh(gateway + "/shops/" + SHOP + "/kpi/overview" + period));
            partial += answer[0].contains("\"partial\":true") ? 1 : 0;
            overviewDirect[i] = directOverview(period, previous);
            funnel[i] = time(() -> getFresh(gateway + "/shops/" + SHOP + "/kpi/funnel" + period));
            funnelDirect[i] = Math.max(directFunnel(first, last), time(() -> get(order + "/shops/" + SHOP + "/orders/metrics" + period)));
            // reused: nothing changed since, so the gateway only asks the three data versions
            overviewKept[i] = time(() -> get(gateway + "/shops/" + SHOP + "/kpi/overview" + period));
            funnelKept[i] = time(() -> get(gateway + "/shops/" + SHOP + "/kpi/funnel" + period));
            // the widest range of each service an overview reads (the gateway asks its parts' ranges in that one call)
            versionsDirect[i] = slowestVersionCall(first, last, days);
            if ((i + 1) % 5 == 0) {
                System.out.printf("  %d calls timed%n", i + 1);
            }
        }
        // a dashboard refreshed while nothing changes: reused answers one after another, each against
        // the slowest direct data-version call right after it (above, each follows a fresh composition)
        long[] overviewSteady = new long[calls], funnelSteady = new long[calls], versionsSteady = new long[calls];
        for (int i = 0; i < calls; i++) {
            overviewSteady[i] = time(() -> get(gateway + "/shops/" + SHOP + "/kpi/overview" + period));
            funnelSteady[i] = time(() -> get(gateway + "/shops/" + SHOP + "/kpi/funnel" + period));
            versionsSteady[i] = slowestVersionCall(first, last, days);
        }
        // live traffic and chats of the day after the period, the writes a live shop has most of: the
        // period's days stand still, so the answer is kept (versions per day, docs/service-contracts.md)
        for (int i = 0; i < calls; i++) {
            writeVisitAndChat(last.plusDays(1), run + "-t" + i, i);
            overviewAfterTraffic[i] = time(() -> get(gateway + "/shops/" + SHOP + "/kpi/overview" + period));
        }
        // after a write in every service: the order of the day after the period may be the final
        // payment of one of its last inquiries, so each one has the overview composed again, the
        // services' own kept join answers of other periods' days staying. Timed last, as it ends the
        // reuse the calls above share. The writes fall on the day after the period.
        for (int i = 0; i < calls; i++) {
            writeVisitAndChat(last.plusDays(1), run + "-" + i, i);
            writeOrder(last.plusDays(1), run + "-" + i, i);
            overviewAfterWrites[i] = time(() -> get(gateway + "/shops/" + SHOP + "/kpi/overview" + period));
        }
        // the period an operator watches during the day: the 30 days up to today, after a page view, a
        // chat and an order of today (the owners' metrics, the funnel and today's inquiries and
        // attributed payments are composed again; the other days' joins and the previous period kept)
        String upToToday = "?from=" + first.plusDays(1) + "&to=" + last.plusDays(1);
        long[] overviewWithToday = new long[calls];
        get(gateway + "/shops/" + SHOP + "/kpi/overview" + upToToday);
        for (int i = 0; i < calls; i++) {
            writeVisitAndChat(last.plusDays(1), run + "-w" + i, 2 * calls + i);
            writeOrder(last.plusDays(1), run + "-w" + i, 2 * calls + i);
            overviewWithToday[i] = time(() -> get(gateway + "/shops/" + SHOP + "/kpi/overview" + upToToday));
        }
        // the dashboard's day series: a daily sheet of the 30 days up to the day written to, after a
        // write in every service on that day (each composes that day's joins again, or every day's)
        int dailyCalls = Math.min(calls, 20);
        long[] dailyAfterWrites = new long[dailyCalls];
        get(gateway + "/shops/" + SHOP + "/kpi/daily" + upToToday);
        for (int i = 0; i < dailyCalls; i++) {
            writeVisitAndChat(last.plusDays(1), run + "-d" + i, calls + i);
            writeOrder(last.plusDays(1), run + "-d" + i, calls + i);
            dailyAfterWrites[i] = time(() -> get(gateway + "/shops/" + SHOP + "/kpi/daily" + upToToday));
        }
        System.out.println();
        System.out.printf("%d calls each, period %s..%s (%d days x %,d visitors), load average %s%n", calls, first, last,
                days, visitors, loadAverage());
        System.out.println("composed afresh (Cache-Control: no-cache), against the slowest direct path of the same calls:");
        report("kpi/overview", overview, overviewDirect);
        report("kpi/funnel", funnel, funnelDirect);
        System.out.println("reused while the data versions stand still, against the slowest direct data-version call:");
        report("kpi/overview", overviewKept, versionsDirect);
        report("kpi/funnel", funnelKept, versionsDirect);
        System.out.println("reused, one call after another (a dashboard refreshed while nothing changes):");
        report("kpi/overview", overviewSteady, versionsSteady);
        report("kpi/funnel", funnelSteady, versionsSteady);
        long[] afterTraffic = overviewAfterTraffic.clone();
        Arrays.sort(afterTraffic);
        System.out.printf("after a page view and a chat of the day after the period:%n"
                + "kpi/overview  gateway p50 %6.1f ms  p95 %6.1f ms%n", p(afterTraffic, 50) / 1000.0, p(afterTraffic, 95) / 1000.0);
        long[] afterWrites = overviewAfterWrites.clone();
        Arrays.sort(afterWrites);
        System.out.printf("after a write in every service (one visit, one chat, one order, the day after the period):%n"
                + "kpi/overview  gateway p50 %6.1f ms  p95 %6.1f ms%n", p(afterWrites, 50) / 1000.0, p(afterWrites, 95) / 1000.0);
        Arrays.sort(overviewWithToday);
        System.out.printf("the 30 days up to the day written to, after a write in every service on it:%n"
                + "kpi/overview  gateway p50 %6.1f ms  p95 %6.1f ms%n", p(overviewWithToday, 50) / 1000.0,
                p(overviewWithToday, 95) / 1000.0);
        Arrays.sort(dailyAfterWrites);
        System.out.printf("kpi/daily of the 30 days up to that day, after a write in every service on it (%d calls):%n"
                + "kpi/daily     gateway p50 %6.1f ms  p95 %6.1f ms%n", dailyCalls, p(dailyAfterWrites, 50) / 1000.0,
                p(dailyAfterWrites, 95) / 1000.0);
        System.out.printf("partial overview answers during the timed calls: %d of %d%n", partial, calls);
    }

    /** One page view and one conversation of a new buyer on the day, through the public APIs. */
    static void writeVisitAndChat(LocalDate day, String id, int i) throws Exception {
        Instant at = day.atStartOfDay(ZONE).toInstant().plusSeconds(60L * i);
        String buyer = "w" + id;
        post(traffic + "/shops/" + SHOP + "/traffic/events", "[{\"eventId\":\"W" + id + "\",\"visitorId\":\"" + buyer
                + "\",\"occurredAt\":\"" + at + "\",\"terminal\":\"PC\",\"page\":\"" + PAGES[0] + "\",\"productId\":\"P1\","
                + "\"source\":\"DIRECT\",\"dwellSeconds\":30}]");
        put(desk + "/shops/" + SHOP + "/conversations/W" + id, "{\"buyerId\":\"" + buyer + "\",\"agentId\":\"a1\",\"startedAt\":\""
                + at.plusSeconds(5) + "\",\"messages\":[{\"sender\":\"BUYER\",\"sentAt\":\"" + at.plusSeconds(5)
                + "\",\"text\":\"q\"}]}");
    }

    /** One paid order of that new buyer on the day. */
    static void writeOrder(LocalDate day, String id, int i) throws Exception {
        Instant at = day.atStartOfDay(ZONE).toInstant().plusSeconds(60L * i);
        String buyer = "w" + id;
        post(order + "/shops/" + SHOP + "/orders/sync", "[{\"orderNo\":\"W" + id + "\",\"buyerId\":\"" + buyer
                + "\",\"terminal\":\"PC\",\"status\":\"WAIT_SELLER_SEND_GOODS\",\"createdAt\":\"" + at.plusSeconds(10)
                + "\",\"paidAt\":\"" + at.plusSeconds(20) + "\",\"modifiedAt\":\"" + at.plusSeconds(20)
                + "\",\"freight\":0.00,\"lines\":[{\"lineNo\":1,\"productId\":\"P1\",\"skuId\":\"S1\",\"quantity\":1,"
                + "\"price\":20.00,\"payment\":20.00}]}]");
    }

    static String range(LocalDate from, LocalDate to) {
        return "?from=" + from + "&to=" + to;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    static void report(String name, long[] gatewayMicros, long[] slowestMicros) {
        long[] g = gatewayMicros.clone(), s = slowestMicros.clone();
        Arrays.sort(g);
        Arrays.sort(s);
        long[] added = new long[g.length];
        for (int i = 0; i < added.length; i++) {
            added[i] = gatewayMicros[i] - slowestMicros[i];
        }
        Arrays.sort(added);
        System.out.printf("%-13s gateway p50 %6.1f ms  p95 %6.1f ms (target p95 <= 150) | slowest direct path p50 %6.1f ms  p95 %6.1f ms"
                        + " | gateway / slowest p50 = %.2f | added p50 %+.1f ms (target <= 10)%n",
                name, p(g, 50) / 1000.0, p(g, 95) / 1000.0, p(s, 50) / 1000.0, p(s, 95) / 1000.0,
                (double) p(g, 50) / Math.max(1, p(s, 50)), p(added, 50) / 1000.0);
    }

    /**
     * The slowest of the calls the overview makes, each timed straight at its service; the joins
     * count their two steps (ids, then the other service) together, as the gateway must wait for both.
     */
    static long directOverview(String period, String previous) throws Exception {
        long slowest = 0;
        for (String p : new String[] {period, previous}) {
            String from = p.substring(6, 16), to = p.substring(20, 30);
            slowest = Math.max(slowest, time(() -> get(traffic + "/shops/" + SHOP + "/traffic/metrics" + p)));
            slowest = Math.max(slowest, time(() -> get(order + "/shops/" + SHOP + "/orders/metrics" + p)));
            slowest = Math.max(slowest, time(() -> get(desk + "/shops/" + SHOP + "/desk/metrics" + p)));
            slowest = Math.max(slowest, directFunnel(LocalDate.parse(from), LocalDate.parse(to)));
            slowest = Math.max(slowest, time(() -> {
                String chats = get(desk + "/shops/" + SHOP + "/desk/first-chats" + p);
                post(order + "/shops/" + SHOP + "/orders/buyer-orders", "{\"from\":\"" + from + "\",\"to\":\""
                        + LocalDate.parse(to).plusDays(2) + "\",\"buyerIds\":" + idsOf(chats, "buyerId") + "}");
                return null;
            }));
            slowest = Math.max(slowest, time(() -> {
                String paid = get(order + "/shops/" + SHOP + "/orders/paid" + p);
                get(traffic + "/shops/" + SHOP + "/traffic/channels" + p);
                post(traffic + "/shops/" + SHOP + "/traffic/last-visits", visitQueries(paid));
                return null;
            }));
        }
        return slowest;
    }

    /** Each call the overview makes, alone, p50 of 20 after 20 (to see which service dominates). */
    static void probe(LocalDate from, LocalDate to) throws Exception {
        String p = "?from=" + from + "&to=" + to;
        String range = "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
        String sets = post(order + "/shops/" + SHOP + "/orders/buyer-sets", range);
        String consulted = get(desk + "/shops/" + SHOP + "/desk/consulted-buyers" + p);
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(strings(sets));
        ids.addAll(strings(consulted));
        String people = "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"buyerIds\":" + json(new ArrayList<>(ids)) + "}";
        String chats = get(desk + "/shops/" + SHOP + "/desk/first-chats" + p);
        String buyerOrders = "{\"from\":\"" + from + "\",\"to\":\"" + to.plusDays(2) + "\",\"buyerIds\":" + idsOf(chats, "buyerId") + "}";
        String paid = get(order + "/shops/" + SHOP + "/orders/paid" + p);
        String visits = visitQueries(paid);
        java.util.Map<String, Call> calls = new java.util.LinkedHashMap<>();
        calls.put("traffic/metrics", () -> get(traffic + "/shops/" + SHOP + "/traffic/metrics" + p));
        calls.put("orders/metrics", () -> get(order + "/shops/" + SHOP + "/orders/metrics" + p));
        calls.put("desk/metrics", () -> get(desk + "/shops/" + SHOP + "/desk/metrics" + p));
        calls.put("orders/buyer-sets", () -> post(order + "/shops/" + SHOP + "/orders/buyer-sets", range));
        calls.put("desk/consulted-buyers", () -> get(desk + "/shops/" + SHOP + "/desk/consulted-buyers" + p));
        calls.put("traffic/people (" + ids.size() + " ids)", () -> post(traffic + "/shops/" + SHOP + "/traffic/people", people));
        calls.put("desk/first-chats", () -> get(desk + "/shops/" + SHOP + "/desk/first-chats" + p));
        calls.put("orders/buyer-orders", () -> post(order + "/shops/" + SHOP + "/orders/buyer-orders", buyerOrders));
        calls.put("orders/paid", () -> get(order + "/shops/" + SHOP + "/orders/paid" + p));
        calls.put("traffic/channels", () -> get(traffic + "/shops/" + SHOP + "/traffic/channels" + p));
        calls.put("traffic/last-visits", () -> post(traffic + "/shops/" + SHOP + "/traffic/last-visits", visits));
        for (var call : calls.entrySet()) {
            long[] t = new long[20];
            for (int i = 0; i < 20; i++) { // warm: the timed overviews run after dozens of compositions
                call.getValue().run();
            }
            for (int i = 0; i < t.length; i++) {
                t[i] = time(call.getValue());
            }
            Arrays.sort(t);
            System.out.printf("  %-32s p50 %7.1f ms%n", call.getKey(), p(t, 50) / 1000.0);
        }
    }

    static long directFunnel(LocalDate from, LocalDate to) throws Exception {
        return time(() -> {
            String body = "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
            String sets = post(order + "/shops/" + SHOP + "/orders/buyer-sets", body);
            String consulted = get(desk + "/shops/" + SHOP + "/desk/consulted-buyers?from=" + from + "&to=" + to);
            java.util.Set<String> ids = new java.util.LinkedHashSet<>(strings(sets));
            ids.addAll(strings(consulted));
            post(traffic + "/shops/" + SHOP + "/traffic/people", "{\"from\":\"" + from + "\",\"to\":\"" + to
                    + "\",\"buyerIds\":" + json(new ArrayList<>(ids)) + "}");
            return null;
        });
    }

    // ---- loading through the public write APIs

    static long load(LocalDate first, int days, int visitorsPerDay, int chatsPerDay) throws Exception {
        Random random = new Random(42);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long events = 0;
        int orderNo = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            Instant dayStart = day.atStartOfDay(ZONE).toInstant();
            List<Future<?>> pending = new ArrayList<>();
            StringBuilder batch = new StringBuilder("[");
            int inBatch = 0;
            List<String> orders = new ArrayList<>();
            for (int v = 0; v < visitorsPerDay; v++) {
                // a pool three times the daily visitors, so that people come back
                String visitor = "u" + random.nextInt(visitorsPerDay * 3);
                String terminal = TERMINALS[random.nextInt(4)];
                String source = CHANNELS[random.nextInt(7)];
                Instant at = dayStart.plusSeconds(random.nextInt(86_000));
                int views = 1 + random.nextInt(3);
                for (int k = 0; k < views; k++) {
                    if (inBatch > 0) {
                        batch.append(',');
                    }
                    batch.append("{\"eventId\":\"").append(day).append('-').append(v).append('-').append(k)
                            .append("\",\"visitorId\":\"").append(visitor).append("\",\"occurredAt\":\"")
                            .append(at.plusSeconds(k * 30L)).append("\",\"terminal\":\"").append(terminal)
                            .append("\",\"page\":\"").append(PAGES[random.nextInt(4)]).append("\",\"productId\":\"P")
                            .append(random.nextInt(500)).append("\",\"source\":\"").append(source)
                            .append("\",\"dwellSeconds\":").append(5 + random.nextInt(120)).append('}');
                    inBatch++;
                    events++;
                }
                if (random.nextInt(visitorsPerDay) < chatsPerDay) {
                    String conversation = "{\"buyerId\":\"" + visitor + "\",\"agentId\":\"a" + random.nextInt(8)
                            + "\",\"startedAt\":\"" + at.plusSeconds(60) + "\",\"messages\":[{\"sender\":\"BUYER\",\"sentAt\":\""
                            + at.plusSeconds(60) + "\",\"text\":\"q\"},{\"sender\":\"AGENT\",\"sentAt\":\""
                            + at.plusSeconds(60 + random.nextInt(200)) + "\",\"text\":\"a\"}]}";
                    String id = "C" + day + "-" + v;
                    pending.add(pool.submit(() -> put(desk + "/shops/" + SHOP + "/conversations/" + id, conversation)));
                }
                if (inBatch >= 9_000) {
                    String body = batch.append(']').toString();
                    pending.add(pool.submit(() -> post(traffic + "/shops/" + SHOP + "/traffic/events", body)));
                    batch = new StringBuilder("[");
                    inBatch = 0;
                }
                if (random.nextInt(100) < 2) {
                    Instant created = at.plusSeconds(120);
                    boolean paid = random.nextInt(10) < 8;
                    String amount = (10 + random.nextInt(490)) + ".00";
                    orders.add("{\"orderNo\":\"O" + (++orderNo) + "\",\"buyerId\":\"" + visitor + "\",\"terminal\":\""
                            + terminal + "\",\"status\":\"" + (paid ? "WAIT_SELLER_SEND_GOODS" : "WAIT_BUYER_PAY")
                            + "\",\"createdAt\":\"" + created + "\",\"paidAt\":"
                            + (paid ? "\"" + created.plusSeconds(60) + "\"" : "null") + ",\"modifiedAt\":\""
                            + created.plusSeconds(60) + "\",\"freight\":0.00,\"lines\":[{\"lineNo\":1,\"productId\":\"P"
                            + random.nextInt(500) + "\",\"skuId\":\"S1\",\"quantity\":1,\"price\":" + amount
                            + ",\"payment\":" + amount + "}]}");
                }
            }
            if (inBatch > 0) {
                String body = batch.append(']').toString();
                pending.add(pool.submit(() -> post(traffic + "/shops/" + SHOP + "/traffic/events", body)));
            }
            for (int i = 0; i < orders.size(); i += 5_000) {
                String body = "[" + String.join(",", orders.subList(i, Math.min(orders.size(), i + 5_000))) + "]";
                pending.add(pool.submit(() -> post(order + "/shops/" + SHOP + "/orders/sync", body)));
            }
            for (String channel : CHANNELS) {
                String amount = "{\"amount\":" + (50 + random.nextInt(500)) + ".00}";
                pending.add(pool.submit(() -> put(traffic + "/shops/" + SHOP + "/traffic/spend/" + day + "/" + channel, amount)));
            }
            for (Future<?> f : pending) {
                f.get();
            }
            System.out.printf("  %s loaded (%,d events so far)%n", day, events);
        }
        pool.shutdown();
        return events;
    }

    // ---- HTTP and JSON, JDK only

    static String get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static String post(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String put(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String getFresh(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().header("Cache-Control", "no-cache"));
    }

    static String send(HttpRequest.Builder request) throws Exception {
        HttpRequest r = request.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").timeout(Duration.ofMinutes(5)).build();
        HttpResponse<String> answer = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(r.method() + " " + r.uri() + " answered " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(500, answer.body().length())));
        }
        return answer.body();
    }

    interface Call {
        Object run() throws Exception;
    }

    static long time(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1000;
    }

    static long p(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    /** Every quoted string of the answer that looks like a buyer id (the bench's ids start with u). */
    static List<String> strings(String json) {
        List<String> ids = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\"(u\\d+)\"").matcher(json);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static String idsOf(String json, String field) {
        return json(new ArrayList<>(new java.util.LinkedHashSet<>(strings(json))));
    }

    /** The last-visits body of the paid orders' columns: their buyers at their payment instants. */
    static String visitQueries(String paidOrders) {
        return "{\"lookbackHours\":168,\"buyerIds\":" + column(paidOrders, "buyerIds") + ",\"at\":"
                + column(paidOrders, "paidAt") + "}";
    }

    static String column(String json, String name) {
        int start = json.indexOf('[', json.indexOf("\"" + name + "\""));
        return json.substring(start, json.indexOf(']', start) + 1);
    }

    static String json(List<String> ids) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < ids.size(); i++) {
            s.append(i == 0 ? "\"" : ",\"").append(ids.get(i)).append('"');
        }
        return s.append(']').toString();
    }

    /** The widest range of each service an overview reads (the gateway asks its parts' ranges in that one call). */
    static long slowestVersionCall(LocalDate first, LocalDate last, int days) throws Exception {
        return Math.max(time(() -> get(traffic + "/shops/" + SHOP + "/traffic/data-version"
                        + range(first.minusDays(days + 7), last))),
                Math.max(time(() -> get(order + "/shops/" + SHOP + "/orders/data-version"
                                + range(first.minusDays(days + 366), last.plusDays(2)))),
                        time(() -> get(desk + "/shops/" + SHOP + "/desk/data-version"
                                + range(last.minusDays(Math.max(2 * days, 180) - 1), last)))));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A token for the bench shop with every role, signed with the test key the services trust in the bench. */
    static String mint(Path privateKey) throws Exception {
        String pem = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"https://test.storeops.local\",\"upn\":\"bench\",\"sub\":\"bench\","
                + "\"groups\":[\"operator\",\"analyst\",\"erp\",\"agent\",\"tracker\"],\"shops\":[\"" + SHOP + "\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 6 * 3600) + "}").getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(rsa.sign());
    }
}
