package storeops.traffic.repository;

import com.mysql.cj.jdbc.JdbcStatement;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import storeops.traffic.config.TrafficConfig;
import storeops.traffic.domain.VisitEvent;

/**
 * The raw events. Written with INSERT IGNORE semantics so that a replayed eventId is a no-op; the
 * request's {@code ingest_id} tells afterwards which rows it inserted itself when some were
 * already there.
 */
@ApplicationScoped
public class EventStore {

    private static final Logger LOG = Logger.getLogger(EventStore.class);
    private static final String COLUMNS = "shop_id, event_id, visitor_id, occurred_at, day, terminal, page, product_id,"
            + " source, action, dwell_seconds, ingest_id";
    private static final MultiRowSql INSERT = new MultiRowSql("INSERT IGNORE INTO traffic_event (" + COLUMNS + ")", 12, "");
    private static final String LOAD = "LOAD DATA LOCAL INFILE 'events.tsv' IGNORE INTO TABLE traffic_event"
            + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'"
            + " (" + COLUMNS + ")";

    private final TrafficConfig config;
    private volatile boolean loadData;

    public EventStore(TrafficConfig config) {
        this.config = config;
        this.loadData = config.ingest().loadData();
    }

    /** Stores the events that are not there yet; answers how many rows were inserted. */
    public int insertIgnoringDuplicates(Connection c, String shopId, List<VisitEvent> events, long ingestId)
            throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        if (loadData) {
            try {
                return load(c, shopId, events, ingestId);
            } catch (SQLException e) {
                if (!isLocalInfileRefused(e)) {
                    throw e;
                }
                LOG.warnf("LOAD DATA LOCAL INFILE refused by the server (%s): writing events with INSERTs from now on",
                        e.getMessage());
                loadData = false;
            }
        }
        return insert(c, shopId, events, ingestId);
    }

    private int insert(Connection c, String shopId, List<VisitEvent> events, long ingestId) throws SQLException {
        int perStatement = config.ingest().rowsPerStatement();
        int inserted = 0;
        for (int start = 0; start < events.size(); start += perStatement) {
            List<VisitEvent> chunk = events.subList(start, Math.min(events.size(), start + perStatement));
            try (PreparedStatement ps = c.prepareStatement(INSERT.rows(chunk.size()))) {
                int p = 1;
                for (VisitEvent e : chunk) {
                    ps.setString(p++, shopId);
                    ps.setString(p++, e.eventId());
                    ps.setString(p++, e.visitorId());
                    ps.setLong(p++, e.occurredAt().toEpochMilli());
                    ps.setDate(p++, Date.valueOf(e.day()));
                    ps.setString(p++, e.terminal().name());
                    ps.setString(p++, e.page().name());
                    ps.setString(p++, e.productId());
                    ps.setString(p++, e.source().name());
                    ps.setString(p++, e.action().name());
                    ps.setInt(p++, e.dwellSeconds());
                    ps.setLong(p++, ingestId);
                }
                inserted += ps.executeUpdate();
            }
        }
        return inserted;
    }

    private int load(Connection c, String shopId, List<VisitEvent> events, long ingestId) throws SQLException {
        StringBuilder tsv = new StringBuilder(events.size() * 128);
        String shop = escape(shopId);
        for (VisitEvent e : events) {
            tsv.append(shop).append('\t').append(escape(e.eventId())).append('\t').append(escape(e.visitorId()))
                    .append('\t').append(e.occurredAt().toEpochMilli()).append('\t').append(e.day())
                    .append('\t').append(e.terminal().name()).append('\t').append(e.page().name())
                    .append('\t').append(e.productId() == null ? "\\N" : escape(e.productId()))
                    .append('\t').append(e.source().name()).append('\t').append(e.action().name())
                    .append('\t').append(e.dwellSeconds()).append('\t').append(ingestId).append('\n');
        }
        try (Statement st = c.createStatement()) {
            // the driver sends this stream, never a file the server names
            st.unwrap(JdbcStatement.class).setLocalInfileInputStream(
                    new ByteArrayInputStream(tsv.toString().getBytes(StandardCharsets.UTF_8)));
            return st.executeUpdate(LOAD);
        }
    }

    /** Of these events, the ones this request inserted (the others were already stored). */
    public List<VisitEvent> insertedBy(Connection c, String shopId, List<VisitEvent> events, long ingestId)
            throws SQLException {
        Set<String> mine = new HashSet<>();
        int perStatement = 1000;
        for (int start = 0; start < events.size(); start += perStatement) {
            List<VisitEvent> chunk = events.subList(start, Math.min(events.size(), start + perStatement));
            String sql = "SELECT event_id FROM traffic_event WHERE shop_id = ? AND ingest_id = ? AND event_id IN ("
                    + "?,".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, shopId);
                ps.setLong(2, ingestId);
                int p = 3;
                for (VisitEvent e : chunk) {
                    ps.setString(p++, e.eventId());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        mine.add(rs.getString(1));
                    }
                }
            }
        }
        List<VisitEvent> inserted = new ArrayList<>(mine.size());
        for (VisitEvent e : events) {
            if (mine.contains(e.eventId())) {
                inserted.add(e);
            }
        }
        return inserted;
    }

    private static boolean isLocalInfileRefused(SQLException e) {
        // 1148: the used command is not allowed with this MySQL version (local_infile=OFF); 3948/3950 on MySQL 8
        String message = String.valueOf(e.getMessage()).toLowerCase();
        return e.getErrorCode() == 1148 || e.getErrorCode() == 3948 || e.getErrorCode() == 3950
                || message.contains("local data") || message.contains("local infile");
    }

    private static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
