import java.math.BigDecimal;
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
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * order-service benchmark (not part of the build's tests): ERP sync of 100,000 orders in batches of
 * 5,000 over HTTP against plain JDBC batches of the same rows (the baseline, same run, same
 * database), then the metrics call over 30 days with 300,000 orders in the shop (its first call
 * recomputing every marked day, then steady reads and reads right after a write), the daily
 * metrics and the gateway's join endpoints; every 50th order has an in-sale refund (half of them
 * for out of stock). Then the same reads on a shop of the gateway benchmark's size: 60,000 orders
 * over 30 days.
 *
 * Args: baseUrl jdbcUrl privateKeyPem issuer
 */
public class Bench {

    static final int ORDERS = 100_000;
    static final int BATCH = 5_000;
    static final int METRIC_ORDERS = 300_000;
    static final Instant START = Instant.parse("2026-01-31T16:00:00Z"); // 2026-02-01 00:00 in Shanghai
    static final long SPAN_MS = Duration.ofDays(30).toMillis();
    static final String[] TERMINALS = {"PC", "TAOBAO_APP", "TMALL_APP", "WAP"};
    static final int REFUND_EVERY = 50;
    static final int GATEWAY_ORDERS = 60_000;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        String token = token(Files.readString(Path.of(args[2])), args[3], "bench-sync");
        try (Connection c = DriverManager.getConnection(jdbc, "root", "")) {
            clean(c);
            long t0 = System.nanoTime();
            jdbcInsert(c, "bench-jdbc", 0, ORDERS, ORDERS);
            double jdbcSeconds = (System.nanoTime() - t0) / 1e9;
            clean(c);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // warm-up in another shop, not counted: a profile showed the first batches of a fresh JVM
            // taking 2 to 4 times as long as the steady state (JIT, connection pool)
            String warmToken = token(Files.readString(Path.of(args[2])), args[3], "bench-warm");
            for (int i = 0; i < 6; i++) {
                post(http, base + "/shops/bench-warm/orders/sync", warmToken, batchJson(9_000_000 + i * BATCH, BATCH, ORDERS));
            }
            double syncSeconds = syncAll(http, base, token, "created");
            double replaySeconds = syncAll(http, base, token, "unchanged");

            System.out.printf("orders per run: %,d in batches of %,d (2 lines and 1 history row each)%n", ORDERS, BATCH);
            System.out.printf("baseline, plain JDBC batches (rewriteBatchedStatements): %8.0f orders/s (%.1f s)%n",
                    ORDERS / jdbcSeconds, jdbcSeconds);
            System.out.printf("ERP sync over HTTP, POST .../orders/sync:                %8.0f orders/s (%.1f s) = %.2f x baseline%n",
                    ORDERS / syncSeconds, syncSeconds, jdbcSeconds / syncSeconds);
            System.out.printf("replay of the same batches (all unchanged):             %8.0f orders/s (%.1f s)%n",
                    ORDERS / replaySeconds, replaySeconds);

            // the same shop grows to 300,000 orders over the 30 days (the rest by JDBC, it is only data); a
            // write through the service marks the days it changes, so the JDBC rows mark theirs
            jdbcInsert(c, "bench-sync", ORDERS, METRIC_ORDERS, METRIC_ORDERS);
            jdbcRefunds(c, "bench-sync", METRIC_ORDERS);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE orders, order_lines, refunds");
                markDays(s, "bench-sync");
            }
            String metrics = base + "/shops/bench-sync/orders/metrics?from=2026-02-01&to=2026-03-02";
            long rebuild = System.nanoTime();
            get(http, metrics, token);
            System.out.printf("first metrics call, every day of the shop marked (recomputes them): %.0f ms%n",
                    (System.nanoTime() - rebuild) / 1e6);
            for (int i = 0; i < 3; i++) {
                get(http, metrics, token);
            }
            String answer = timed(http, metrics, token, "GET .../orders/metrics over 30 days, 300,000 orders", 20, null);
            System.out.println("paidParentOrders in the answer: "
                    + answer.replaceAll(".*\"paidParentOrders\":(\\d+).*", "$1"));

            // a read after each write: one order paid (through the service) then the 30-day read
            List<Double> afterWrite = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                post(http, base + "/shops/bench-sync/orders/sync", token, batchJson(9_500_000 + i, 1, METRIC_ORDERS));
                long t = System.nanoTime();
                get(http, metrics, token);
                afterWrite.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(afterWrite);
            System.out.printf("metrics right after a write of one order (recomputes its day), 10 calls: p50 %.0f ms, max %.0f ms%n",
                    afterWrite.get(4), afterWrite.get(9));
            String daily = base + "/shops/bench-sync/orders/metrics/daily?from=2026-02-01&to=2026-03-02";
            timed(http, daily, token, "GET .../orders/metrics/daily over 30 days", 5, null);

            // the gateway's joins (docs/service-contracts.md): 6 days hold about 60,000 orders
            timed(http, base + "/shops/bench-sync/orders/buyer-sets", token,
                    "POST .../orders/buyer-sets, 6 days (about 60,000 orders)", 10,
                    "{\"from\":\"2026-02-01\",\"to\":\"2026-02-06\"}");
            timed(http, base + "/shops/bench-sync/orders/buyer-sets", token,
                    "POST .../orders/buyer-sets, 30 days (300,000 orders)", 5,
                    "{\"from\":\"2026-02-01\",\"to\":\"2026-03-02\"}");
            timed(http, base + "/shops/bench-sync/orders/paid?from=2026-02-01&to=2026-02-06", token,
                    "GET .../orders/paid, 6 days (about 60,000 orders)", 10, null);
            StringBuilder ids = new StringBuilder();
            for (int i = 0; i < 10_000; i++) {
                ids.append(i == 0 ? "" : ",").append("\"buyer-").append(i * 7).append('"');
            }
            timed(http, base + "/shops/bench-sync/orders/buyer-orders", token,
                    "POST .../orders/buyer-orders, 10,000 buyers, 30 days", 10,
                    "{\"from\":\"2026-02-01\",\"to\":\"2026-03-02\",\"buyerIds\":[" + ids + "]}");
            System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());

            // the gateway benchmark's size: 60,000 orders over 30 days, every join for the 30 days
            String gwToken = token(Files.readString(Path.of(args[2])), args[3], "bench-gw");
            jdbcInsert(c, "bench-gw", 0, GATEWAY_ORDERS, GATEWAY_ORDERS);
            jdbcRefunds(c, "bench-gw", GATEWAY_ORDERS);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE orders, order_lines, refunds");
                markDays(s, "bench-gw");
            }
            String gw = base + "/shops/bench-gw/orders";
            get(http, gw + "/metrics?from=2026-02-01&to=2026-03-02", gwToken);
            String month = "{\"from\":\"2026-02-01\",\"to\":\"2026-03-02\"}";
            timed(http, gw + "/metrics?from=2026-02-01&to=2026-03-02", gwToken, "gateway size (60,000 orders): GET .../orders/metrics, 30 days", 20, null);
            timed(http, gw + "/metrics/daily?from=2026-02-01&to=2026-03-02", gwToken, "gateway size: GET .../orders/metrics/daily, 30 days", 10, null);
            timed(http, gw + "/buyer-sets", gwToken, "gateway size: POST .../orders/buyer-sets, 30 days", 20, month);
            timed(http, gw + "/paid?from=2026-02-01&to=2026-03-02", gwToken, "gateway size: GET .../orders/paid, 30 days", 20, null);
            timed(http, gw + "/buyer-orders", gwToken, "gateway size: POST .../orders/buyer-orders, 10,000 buyers, 30 days", 20,
                    "{\"from\":\"2026-02-01\",\"to\":\"2026-03-02\",\"buyerIds\":[" + ids + "]}");
            System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
        }
    }

    /** An in-sale refund of line 1 for every REFUND_EVERY-th order, applied a day after the order; half for out of stock. */
    static void jdbcRefunds(Connection c, String shop, int total) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement r = c.prepareStatement("INSERT INTO refunds (shop_id, refund_id, order_no, line_no, amount,"
                + " type, reason, reason_code, phase, status, applied_at, modified_at, version)"
                + " VALUES (?,?,?,1,5.00,'REFUND_ONLY','bench',?,'IN_SALE','WAIT_SELLER_AGREE',?,?,0)")) {
            int n = 0;
            for (int i = 0; i < total; i += REFUND_EVERY) {
                long applied = created(i % total, total) + 86_400_000L;
                r.setString(1, shop);
                r.setString(2, "R-" + i);
                r.setString(3, "B-" + i);
                r.setString(4, n++ % 2 == 0 ? "OTHER" : "OUT_OF_STOCK");
                r.setLong(5, applied);
                r.setLong(6, applied);
                r.addBatch();
            }
            r.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Calls the URL (GET, or POST with the body) n times after one warm-up call; prints p50 / p95 (or max). */
    static String timed(HttpClient http, String url, String token, String label, int n, String body) throws Exception {
        String answer = body == null ? get(http, url, token) : post(http, url, token, body);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            answer = body == null ? get(http, url, token) : post(http, url, token, body);
            millis.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("%s, %d calls: p50 %.0f ms, p95 %.0f ms (%,d bytes)%n", label, n,
                millis.get((n - 1) / 2), millis.get(Math.min(n - 1, (int) Math.ceil(n * 0.95) - 1)), answer.length());
        return answer;
    }

    /** The days of the shop's JDBC rows, marked for recomputation as the service marks its own writes. */
    static void markDays(Statement s, String shop) throws Exception {
        long first = Math.floorDiv(START.toEpochMilli(), 86_400_000L) - 1;
        for (long day = first; day <= first + 33; day++) {
            s.execute("INSERT IGNORE INTO order_day_dirty (shop_id, epoch_day) VALUES ('" + shop + "', " + day + ")");
        }
    }

    /** Every batch once, in order; each must answer all its orders with the expected outcome. Seconds taken. */
    static double syncAll(HttpClient http, String base, String token, String outcome) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < ORDERS; from += BATCH) {
            bodies.add(batchJson(from, BATCH, ORDERS));
        }
        long start = System.nanoTime();
        for (int from = 0; from < ORDERS; from += BATCH) {
            String body = post(http, base + "/shops/bench-sync/orders/sync", token, bodies.get(from / BATCH));
            if (!body.contains("\"" + outcome + "\":" + BATCH)) {
                throw new IllegalStateException("batch " + from + " answered " + body.substring(0, 300));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static void clean(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM order_lines WHERE shop_id LIKE 'bench-%'");
            s.execute("DELETE FROM order_status_history WHERE shop_id LIKE 'bench-%'");
            s.execute("DELETE FROM orders WHERE shop_id LIKE 'bench-%'");
            for (String table : new String[] {"refunds", "order_day_figures", "order_day_dirty", "order_buyer_key",
                    "order_product_key", "refund_day_figures", "late_shipment_day_figures"}) {
                try {
                    s.execute("DELETE FROM " + table + " WHERE shop_id LIKE 'bench-%'");
                } catch (java.sql.SQLException e) {
                    // an older build's schema, run for comparison, lacks the newer tables
                }
            }
        }
    }

    static long created(int i, int total) {
        return START.toEpochMilli() + (long) i * SPAN_MS / total;
    }

    static BigDecimal payment(int i, int line) {
        return BigDecimal.valueOf(1000 + (i * 37L + line * 11L) % 90_000, 2);
    }

    static String batchJson(int from, int size, int total) {
        StringBuilder b = new StringBuilder(size * 600).append('[');
        for (int i = from; i < from + size; i++) {
            long created = created(i % total, total);
            String createdAt = Instant.ofEpochMilli(created).toString();
            String paidAt = Instant.ofEpochMilli(created + 300_000).toString();
            if (i > from) {
                b.append(',');
            }
            b.append("{\"orderNo\":\"B-").append(i).append("\",\"buyerId\":\"buyer-").append(i % 100_000)
                    .append("\",\"terminal\":\"").append(TERMINALS[i % 4])
                    .append("\",\"status\":\"WAIT_SELLER_SEND_GOODS\",\"createdAt\":\"").append(createdAt)
                    .append("\",\"paidAt\":\"").append(paidAt).append("\",\"modifiedAt\":\"").append(paidAt)
                    .append("\",\"freight\":\"8.00\",\"shippingPromiseHours\":72,\"receiverPhone\":\"13812345678\",")
                    .append("\"receiverAddress\":\"浙江省杭州市西湖区文三路 1 号\",\"lines\":[");
            for (int l = 1; l <= 2; l++) {
                BigDecimal pay = payment(i, l);
                b.append(l == 1 ? "" : ",").append("{\"lineNo\":").append(l).append(",\"productId\":\"P")
                        .append((i * 7 + l) % 500).append("\",\"skuId\":\"S").append(l).append("\",\"quantity\":")
                        .append(1 + (i + l) % 3).append(",\"price\":\"").append(pay).append("\",\"payment\":\"")
                        .append(pay).append("\"}");
            }
            b.append("]}");
        }
        return b.append(']').toString();
    }

    /** The same rows a sync writes (order, two lines, one history row), by plain JDBC batches of BATCH orders. */
    static void jdbcInsert(Connection c, String shop, int from, int to, int total) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement o = c.prepareStatement("INSERT INTO orders (shop_id, order_no, buyer_id, terminal, status,"
                + " created_at, paid_at, modified_at, presale, cod, free_shipping, freight, goods_amount,"
                + " shipping_promise_hours, pay_deadline, receiver_phone, receiver_address, item_count, line_count, version)"
                + " VALUES (?,?,?,?,?,?,?,?,0,0,0,8.00,?,72,?,?,?,?,2,0)");
                PreparedStatement l = c.prepareStatement("INSERT INTO order_lines (shop_id, order_no, line_no, product_id,"
                        + " sku_id, quantity, price, payment) VALUES (?,?,?,?,?,?,?,?)");
                PreparedStatement h = c.prepareStatement("INSERT INTO order_status_history (shop_id, order_no,"
                        + " from_status, to_status, event, actor, at_ms) VALUES (?,?,NULL,'WAIT_SELLER_SEND_GOODS',"
                        + "'place','ERP_SYNC',?)")) {
            for (int i = from; i < to; i++) {
                long created = created(i % total, total);
                String no = "B-" + i;
                o.setString(1, shop);
                o.setString(2, no);
                o.setString(3, "buyer-" + (i % 100_000));
                o.setString(4, TERMINALS[i % 4]);
                o.setString(5, "WAIT_SELLER_SEND_GOODS");
                o.setLong(6, created);
                o.setLong(7, created + 300_000);
                o.setLong(8, created + 300_000);
                o.setBigDecimal(9, payment(i, 1).add(payment(i, 2)));
                o.setLong(10, created + 86_400_000);
                o.setString(11, "13812345678");
                o.setString(12, "浙江省杭州市西湖区文三路 1 号");
                o.setInt(13, (1 + (i + 1) % 3) + (1 + (i + 2) % 3));
                o.addBatch();
                for (int line = 1; line <= 2; line++) {
                    l.setString(1, shop);
                    l.setString(2, no);
                    l.setInt(3, line);
                    l.setString(4, "P" + ((i * 7 + line) % 500));
                    l.setString(5, "S" + line);
                    l.setInt(6, 1 + (i + line) % 3);
                    l.setBigDecimal(7, payment(i, line));
                    l.setBigDecimal(8, payment(i, line));
                    l.addBatch();
                }
                h.setString(1, shop);
                h.setString(2, no);
                h.setLong(3, created);
                h.addBatch();
                if ((i - from + 1) % BATCH == 0 || i == to - 1) {
                    o.executeBatch();
                    l.executeBatch();
                    h.executeBatch();
                    c.commit();
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
    }

    static String post(HttpClient http, String url, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** An RS256 token for one shop with the erp and analyst roles, signed with the throwaway bench key. */
    static String token(String pem, String issuer, String shop) throws Exception {
        String key = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey privateKey = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + issuer + "\",\"upn\":\"bench\",\"sub\":\"bench\","
                + "\"groups\":[\"erp\",\"analyst\"],\"shops\":[\"" + shop + "\"],\"iat\":" + now + ",\"exp\":"
                + (now + 7200) + "}").getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(privateKey);
        rsa.update((header + "." + claims).getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + b64.encodeToString(rsa.sign());
    }
}
