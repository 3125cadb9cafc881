package storeops.order.reconciliation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import storeops.common.problem.ProblemException;
import storeops.common.time.ShopCalendar;
import storeops.order.domain.OrderStatus;
import storeops.order.reconciliation.domain.PlatformStatus;
import storeops.order.reconciliation.domain.ReconciliationReport;
import storeops.order.reconciliation.domain.ReconciliationReport.AmountMismatch;
import storeops.order.reconciliation.domain.ReconciliationReport.MalformedRow;
import storeops.order.reconciliation.domain.ReconciliationReport.MissingHere;
import storeops.order.reconciliation.domain.ReconciliationReport.MissingThere;
import storeops.order.reconciliation.domain.ReconciliationReport.Section;
import storeops.order.reconciliation.domain.ReconciliationReport.StatusMismatch;
import storeops.order.reconciliation.domain.ReconciliationReport.Totals;

/**
 * Compares the platform's order export (对账) with our orders, streaming: rows are checked in
 * chunks against the database, and only the export's order numbers (hashed) stay in memory to
 * find the orders it lacks afterwards.
 */
@ApplicationScoped
public class ReconciliationService {

    static final String ORDER_NO = "订单编号";
    static final String BUYER = "买家会员名";
    static final String STATUS = "订单状态";
    static final String AMOUNT = "买家实际支付金额";
    static final String CREATED = "订单创建时间";
    static final String PAID = "订单付款时间";
    private static final List<String> REQUIRED = List.of(ORDER_NO, STATUS, AMOUNT, CREATED);
    private static final int CHUNK = 500;
    private static final int PAGE = 2000;
    public static final int LIST_LIMIT = 1000;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm[:ss]");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final DataSource dataSource;
    private final ShopCalendar calendar;

    public ReconciliationService(DataSource dataSource, ShopCalendar calendar) {
        this.dataSource = dataSource;
        this.calendar = calendar;
    }

    public ReconciliationReport reconcile(String shopId, InputStream body) {
        try {
            BufferedInputStream in = CharsetDetection.buffered(body);
            Charset charset = CharsetDetection.detect(in);
            CsvRecords csv = new CsvRecords(new BufferedReader(new InputStreamReader(in, charset), 1 << 16));
            try (Connection db = dataSource.getConnection()) {
                return new Run(shopId, calendar.zoneOf(shopId), charset, db).read(csv);
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("The export could not be read: " + e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException("Reconciliation could not read the orders", e);
        }
    }

    private record Row(long line, String orderNo, String buyerId, String rawStatus, Set<OrderStatus> statuses,
            BigDecimal amount, Instant createdAt) {
    }

    private record Ours(String buyerId, OrderStatus status, BigDecimal amount, boolean paid) {
    }

    /** One reconciliation: its counters and the first items of each list. */
    private final class Run {
        private final String shopId;
        private final ZoneId zone;
        private final Charset charset;
        private final Connection db;
        private final Map<Integer, PreparedStatement> lookups = new HashMap<>();
        private final OrderNoSet seen = new OrderNoSet();
        private final List<Row> chunk = new ArrayList<>();
        private final Acc<MissingHere> missingHere = new Acc<>();
        private final Acc<MissingThere> missingThere = new Acc<>();
        private final Acc<AmountMismatch> amounts = new Acc<>();
        private final Acc<StatusMismatch> statuses = new Acc<>();
        private final Acc<MalformedRow> malformed = new Acc<>();
        private Map<String, Integer> columns;
        private long rows;
        private long valid;
        private long matched;
        private BigDecimal fileAmount = ZERO;
        private BigDecimal ourAmount = ZERO;
        private Instant from;
        private Instant to;

        Run(String shopId, ZoneId zone, Charset charset, Connection db) {
            this.shopId = shopId;
            this.zone = zone;
            this.charset = charset;
            this.db = db;
        }

        ReconciliationReport read(CsvRecords csv) throws IOException, SQLException {
            try {
                return compareAll(csv);
            } finally {
                closeStatements();
            }
        }

        private ReconciliationReport compareAll(CsvRecords csv) throws IOException, SQLException {
            CsvRecords.Record header = csv.next();
            if (header == null) {
                throw ProblemException.badRequest("The export is empty: a header row with " + REQUIRED + " is required");
            }
            columns = columns(header.fields());
            for (CsvRecords.Record r = csv.next(); r != null; r = csv.next()) {
                rows++;
                Row row = parse(r);
                if (row != null) {
                    chunk.add(row);
                    if (chunk.size() == CHUNK) {
                        compare();
                    }
                }
            }
            compare();
            findMissingThere();
            return new ReconciliationReport(charset.name(), rows, valid, matched, from, to, LIST_LIMIT,
                    missingHere.truncated() || missingThere.truncated() || amounts.truncated()
                            || statuses.truncated() || malformed.truncated(),
                    new Totals(fileAmount, ourAmount, fileAmount.subtract(ourAmount)),
                    missingHere.section(), missingThere.section(), amounts.section(), statuses.section(),
                    malformed.section());
        }

        private Map<String, Integer> columns(List<String> header) {
            Map<String, Integer> found = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                found.putIfAbsent(clean(header.get(i)).replace("\uFEFF", ""), i);
            }
            List<String> missing = REQUIRED.stream().filter(c -> !found.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw ProblemException.badRequest("The export's header lacks the columns " + missing
                        + " (found " + header.stream().map(ReconciliationService::clean).toList() + ")");
            }
            return found;
        }

        private Row parse(CsvRecords.Record r) {
            if (r.problem() != null) {
                return malformed(r.line(), r.problem());
            }
            try {
                String orderNo = cell(r, ORDER_NO);
                if (orderNo.isEmpty()) {
                    return malformed(r.line(), ORDER_NO + " is empty");
                }
                String rawStatus = cell(r, STATUS);
                var statuses = PlatformStatus.parse(rawStatus);
                if (statuses.isEmpty()) {
                    return malformed(r.line(), ORDER_NO + " " + orderNo + ": unknown " + STATUS + " '" + rawStatus + "'");
                }
                BigDecimal amount = amount(cell(r, AMOUNT));
                Instant created = instant(cell(r, CREATED));
                if (created == null) {
                    return malformed(r.line(), ORDER_NO + " " + orderNo + ": " + CREATED + " is empty");
                }
                if (columns.containsKey(PAID)) {
                    instant(cell(r, PAID)); // a garbled payment time is a malformed row too
                }
                if (!seen.add(orderNo)) {
                    return malformed(r.line(), ORDER_NO + " " + orderNo + " appears twice in the export");
                }
                valid++;
                fileAmount = fileAmount.add(amount);
                from = from == null || created.isBefore(from) ? created : from;
                to = to == null || created.isAfter(to) ? created : to;
                return new Row(r.line(), orderNo, columns.containsKey(BUYER) ? cell(r, BUYER) : null, rawStatus,
                        statuses.get(), amount, created);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return malformed(r.line(), e.getMessage());
            }
        }

        private String cell(CsvRecords.Record r, String column) {
            int i = columns.get(column);
            if (i >= r.fields().size()) {
                throw new IllegalArgumentException("the row has " + r.fields().size() + " fields, " + column
                        + " is field " + (i + 1));
            }
            return clean(r.fields().get(i));
        }

        private BigDecimal amount(String value) {
            try {
                BigDecimal a = new BigDecimal(value.replace("¥", "").replace(",", "").strip());
                if (a.signum() < 0 || a.scale() > 2) {
                    throw new IllegalArgumentException(AMOUNT + " '" + value + "' is not an amount in yuan");
                }
                return a.setScale(2);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(AMOUNT + " '" + value + "' is not a number");
            }
        }

        private Instant instant(String value) {
            if (value.isEmpty()) {
                return null;
            }
            String v = value.replace('/', '-');
            try {
                return v.contains("T") ? OffsetDateTime.parse(v).toInstant()
                        : LocalDateTime.parse(v, LOCAL).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + value + "' is not a time (yyyy-MM-dd HH:mm:ss)");
            }
        }

        private Row malformed(long line, String reason) {
            malformed.add(new MalformedRow(line, reason), null);
            return null;
        }

        private void compare() throws SQLException {
            if (chunk.isEmpty()) {
                return;
            }
            Map<String, Ours> ours = new HashMap<>();
            // plain JDBC: one prepared statement per chunk size, reused, is several times faster
            // than a native query that expands 500 parameters on every call
            PreparedStatement lookup = lookups.computeIfAbsent(chunk.size(), this::lookup);
            lookup.setString(1, shopId);
            for (int i = 0; i < chunk.size(); i++) {
                lookup.setString(i + 2, chunk.get(i).orderNo());
            }
            try (ResultSet o = lookup.executeQuery()) {
                while (o.next()) {
                    ours.put(o.getString(1), new Ours(o.getString(2), OrderStatus.valueOf(o.getString(3)),
                            o.getBigDecimal(4).setScale(2), o.getObject(5) != null));
                }
            }
            for (Row row : chunk) {
                Ours o = ours.get(row.orderNo());
                if (o == null) {
                    missingHere.add(new MissingHere(row.line(), row.orderNo(), row.buyerId(), row.rawStatus(),
                            row.amount()), row.amount());
                    continue;
                }
                matched++;
                // an unpaid order shows 0.00 paid in the export: that is no difference
                boolean unpaidZero = !o.paid() && row.amount().signum() == 0;
                ourAmount = ourAmount.add(unpaidZero ? ZERO : o.amount());
                if (!unpaidZero && row.amount().compareTo(o.amount()) != 0) {
                    BigDecimal difference = row.amount().subtract(o.amount());
                    amounts.add(new AmountMismatch(row.line(), row.orderNo(), row.amount(), o.amount(), difference),
                            difference);
                }
                if (!row.statuses().contains(o.status())) {
                    statuses.add(new StatusMismatch(row.line(), row.orderNo(), row.rawStatus(), o.status().name()), null);
                }
            }
            chunk.clear();
        }

        private PreparedStatement lookup(int size) {
            try {
                return db.prepareStatement("SELECT order_no, buyer_id, status, goods_amount + freight, paid_at FROM orders"
                        + " WHERE shop_id = ? AND order_no IN (" + "?,".repeat(size - 1) + "?)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Our orders created within the export's range that it does not list, paged by (creation
         * time, order number): the order of the (shop_id, created_at) index, so no page sorts.
         */
        private void findMissingThere() throws SQLException {
            if (from == null) {
                return;
            }
            long afterCreated = from.toEpochMilli() - 1;
            String afterNo = "";
            try (PreparedStatement page = db.prepareStatement("SELECT order_no, buyer_id, status, goods_amount + freight,"
                    + " created_at FROM orders WHERE shop_id = ? AND created_at <= ?"
                    + " AND (created_at > ? OR (created_at = ? AND order_no > ?))"
                    + " ORDER BY created_at, order_no LIMIT " + PAGE)) {
                while (true) {
                    page.setString(1, shopId);
                    page.setLong(2, to.toEpochMilli());
                    page.setLong(3, afterCreated);
                    page.setLong(4, afterCreated);
                    page.setString(5, afterNo);
                    int read = 0;
                    try (ResultSet o = page.executeQuery()) {
                        while (o.next()) {
                            read++;
                            afterNo = o.getString(1);
                            afterCreated = o.getLong(5);
                            if (!seen.contains(afterNo)) {
                                BigDecimal amount = o.getBigDecimal(4).setScale(2);
                                missingThere.add(new MissingThere(afterNo, o.getString(2), o.getString(3), amount,
                                        Instant.ofEpochMilli(afterCreated)), amount);
                            }
                        }
                    }
                    if (read < PAGE) {
                        return;
                    }
                }
            }
        }

        void closeStatements() {
            lookups.values().forEach(st -> {
                try {
                    st.close();
                } catch (SQLException e) {
                    // the connection closes them anyway
                }
            });
        }
    }

    private static final class Acc<T> {
        private final List<T> items = new ArrayList<>();
        private long count;
        private BigDecimal amount = ZERO;

        void add(T item, BigDecimal value) {
            count++;
            if (value != null) {
                amount = amount.add(value);
            }
            if (items.size() < LIST_LIMIT) {
                items.add(item);
            }
        }

        boolean truncated() {
            return count > items.size();
        }

        Section<T> section() {
            return new Section<>(count, amount, List.copyOf(items));
        }
    }

    /** Strips what spreadsheets add to keep long numbers as text: ="123", a leading apostrophe or tab. */
    static String clean(String value) {
        String v = value.strip();
        if (v.startsWith("=\"") && v.endsWith("\"") && v.length() >= 3) {
            v = v.substring(2, v.length() - 1);
        }
        if (v.startsWith("'")) {
            v = v.substring(1);
        }
        return v.strip();
    }
}
