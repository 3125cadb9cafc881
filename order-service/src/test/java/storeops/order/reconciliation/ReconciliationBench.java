package storeops.order.reconciliation;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import storeops.testing.Tokens;

/**
 * Not a test: run by bench/reconciliation/run.sh (surefire never picks a *Bench class by itself).
 * Reconciles an export of {@code bench.rows} orders (GBK, 1% amount differences, 1% unknown here)
 * against as many orders, and prints rows/s beside two baselines measured in the same run: reading
 * and parsing the same bytes with no database, and that plus one plain JDBC read of the shop's orders.
 */
@QuarkusTest
class ReconciliationBench {

    private static final String SHOP = "bench-recon";
    private static final Charset GBK = Charset.forName("GBK");

    @Inject
    DataSource dataSource;

    @Test
    void reconcile() throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        int runs = Integer.getInteger("bench.runs", 3);
        seed(rows);
        byte[] export = export(rows);
        String token = Tokens.forShop(SHOP, "erp");
        List<Double> service = new ArrayList<>();
        List<Double> parse = new ArrayList<>();
        List<Double> parseAndRead = new ArrayList<>();
        for (int run = 0; run < runs + 1; run++) { // the first run warms up and is not counted
            long t0 = System.nanoTime();
            int parsed = parseOnly(export);
            long t1 = System.nanoTime();
            int read = readAll();
            long t2 = System.nanoTime();
            given().header("Authorization", Tokens.bearer(token)).contentType("text/csv").body(export)
                    .post("/shops/{s}/orders/reconciliation", SHOP).then().statusCode(200);
            long t3 = System.nanoTime();
            if (parsed != rows || read != rows) {
                throw new IllegalStateException("parsed " + parsed + ", read " + read);
            }
            if (run > 0) {
                parse.add(rows / ((t1 - t0) / 1e9));
                parseAndRead.add(rows / ((t2 - t0) / 1e9));
                service.add(rows / ((t3 - t2) / 1e9));
            }
        }
        double s = median(service);
        double p = median(parse);
        double pr = median(parseAndRead);
        System.out.printf("%nreconciliation of %,d rows (%.1f MB GBK), median of %d runs:%n", rows,
                export.length / 1e6, runs);
        System.out.printf("  service POST .../orders/reconciliation   %,10.0f rows/s%n", s);
        System.out.printf("  baseline: parse only                     %,10.0f rows/s  (service = %.2f x)%n", p, s / p);
        System.out.printf("  baseline: parse + one JDBC read of all   %,10.0f rows/s  (service = %.2f x)%n%n", pr, s / pr);
    }

    private void seed(int rows) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM orders WHERE shop_id = ?");
                    PreparedStatement delLines = c.prepareStatement("DELETE FROM order_lines WHERE shop_id = ?")) {
                del.setString(1, SHOP);
                del.executeUpdate();
                delLines.setString(1, SHOP);
                delLines.executeUpdate();
            }
            long base = Instant.parse("2026-05-01T00:00:00Z").toEpochMilli();
            try (PreparedStatement o = c.prepareStatement("INSERT INTO orders (shop_id, order_no, buyer_id, terminal, status,"
                    + " created_at, paid_at, modified_at, freight, goods_amount) VALUES (?, ?, ?, 'PC', 'TRADE_FINISHED', ?, ?, ?, 8.00, ?)");
                    PreparedStatement l = c.prepareStatement("INSERT INTO order_lines (shop_id, order_no, line_no, product_id,"
                            + " quantity, price, payment) VALUES (?, ?, 1, 'P', 1, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    String no = orderNo(i);
                    BigDecimal goods = goods(i);
                    o.setString(1, SHOP);
                    o.setString(2, no);
                    o.setString(3, "buyer" + i);
                    o.setLong(4, base + i * 1000L);
                    o.setLong(5, base + i * 1000L + 60_000);
                    o.setLong(6, base + i * 1000L + 60_000);
                    o.setBigDecimal(7, goods);
                    o.addBatch();
                    l.setString(1, SHOP);
                    l.setString(2, no);
                    l.setBigDecimal(3, goods);
                    l.setBigDecimal(4, goods);
                    l.addBatch();
                    if (i % 5000 == 4999) {
                        o.executeBatch();
                        l.executeBatch();
                    }
                }
                o.executeBatch();
                l.executeBatch();
            }
            c.commit();
        }
    }

    private static byte[] export(int rows) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
        long base = Instant.parse("2026-05-01T00:00:00Z").toEpochMilli();
        StringBuilder csv = new StringBuilder("订单编号,买家会员名,订单状态,买家实际支付金额,订单创建时间,订单付款时间\r\n");
        for (int i = 0; i < rows; i++) {
            // 1% unknown here (another number), 1% paid differently
            String no = i % 100 == 7 ? "X" + orderNo(i) : orderNo(i);
            BigDecimal paid = goods(i).add(new BigDecimal("8.00")).add(i % 100 == 13 ? BigDecimal.ONE : BigDecimal.ZERO);
            csv.append("=\"").append(no).append("\",buyer").append(i).append(",交易成功,").append(paid).append(',')
                    .append(f.format(Instant.ofEpochMilli(base + i * 1000L))).append(',')
                    .append(f.format(Instant.ofEpochMilli(base + i * 1000L + 60_000))).append("\r\n");
        }
        return csv.toString().getBytes(GBK);
    }

    private static int parseOnly(byte[] export) throws Exception {
        int n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(export), GBK))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                new BigDecimal(f[3]);
                n += f[0].isEmpty() ? 0 : 1;
            }
        }
        return n;
    }

    private int readAll() throws Exception {
        int n = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT order_no, status, goods_amount + freight, paid_at"
                        + " FROM orders WHERE shop_id = ?")) {
            q.setString(1, SHOP);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String orderNo(int i) {
        return String.format("%019d", 3_000_000_000_000_000L + i);
    }

    private static BigDecimal goods(int i) {
        return BigDecimal.valueOf(1000 + i % 50_000, 2);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
