package storeops.traffic.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The packed VIEWs of each batch and day (migration V91, {@link storeops.traffic.domain.DayViews}):
 * written in the batch's transaction, read by last-visits.
 */
@ApplicationScoped
public class ViewLogStore {

    /** What a day's log holds in the database: its chunks, and whether some of its views are missing. */
    public record DayChunks(Set<Long> chunkIds, boolean incomplete) {
    }

    private static final int IDS_PER_STATEMENT = 500;

    private final AgroalDataSource dataSource;

    public ViewLogStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds one chunk per day, in the caller's transaction. */
    public void append(Connection c, String shopId, Map<LocalDate, long[]> viewsByDay) throws SQLException {
        for (var day : new TreeMap<>(viewsByDay).entrySet()) {
            append(c, shopId, day.getKey(), ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), day.getValue());
        }
    }

    /** Marks days whose views are not all logged, in the caller's transaction. */
    public void markIncomplete(Connection c, String shopId, Collection<LocalDate> days) throws SQLException {
        for (LocalDate day : new TreeSet<>(days)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT IGNORE INTO view_log_incomplete (shop_id, day) VALUES (?, ?)")) {
                ps.setString(1, shopId);
                ps.setDate(2, Date.valueOf(day));
                ps.executeUpdate();
            }
        }
    }

    /** The chunk ids of each day between two days (days without any chunk are absent) and the incomplete days. */
    public Map<LocalDate, DayChunks> chunks(String shopId, LocalDate from, LocalDate to) {
        Map<LocalDate, Set<Long>> ids = new HashMap<>();
        Set<LocalDate> incomplete = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT day, chunk_id FROM view_log WHERE shop_id = ? AND day BETWEEN ? AND ?")) {
                ps.setString(1, shopId);
                ps.setDate(2, Date.valueOf(from));
                ps.setDate(3, Date.valueOf(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new HashSet<>()).add(rs.getLong(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT day FROM view_log_incomplete WHERE shop_id = ? AND day BETWEEN ? AND ?")) {
                ps.setString(1, shopId);
                ps.setDate(2, Date.valueOf(from));
                ps.setDate(3, Date.valueOf(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        incomplete.add(rs.getDate(1).toLocalDate());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Traffic read failed: " + e.getMessage(), e);
        }
        Map<LocalDate, DayChunks> days = new HashMap<>();
        ids.forEach((day, chunkIds) -> days.put(day, new DayChunks(chunkIds, incomplete.contains(day))));
        incomplete.forEach(day -> days.putIfAbsent(day, new DayChunks(Set.of(), true)));
        return days;
    }

    /**
     * The packed views of these chunks of a day, concatenated (unsorted), or null when some of them
     * were merged away since they were listed.
     */
    public long[] load(String shopId, LocalDate day, Collection<Long> chunkIds) {
        List<long[]> parts = new ArrayList<>();
        long total = 0;
        List<Long> ids = new ArrayList<>(chunkIds);
        try (Connection c = dataSource.getConnection()) {
            for (int start = 0; start < ids.size(); start += IDS_PER_STATEMENT) {
                List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + IDS_PER_STATEMENT));
                try (PreparedStatement ps = ofChunks(c, "SELECT packed FROM view_log", shopId, day, chunk)) {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long[] part = longs(rs.getBytes(1));
                            parts.add(part);
                            total += part.length;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Traffic read failed: " + e.getMessage(), e);
        }
        if (parts.size() < ids.size()) {
            return null;
        }
        long[] all = new long[Math.toIntExact(total)];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /**
     * Replaces these chunks of a day by one holding {@code merged} (their views, sorted), so that a
     * day written by thousands of batches is read as one row. Answers the new chunk's id, or null
     * when another reader merged some of them first (then nothing changes).
     */
    public Long merge(String shopId, LocalDate day, Set<Long> chunkIds, long[] merged) {
        long id = ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        List<Long> ids = new ArrayList<>(chunkIds);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int deleted = 0;
                for (int start = 0; start < ids.size(); start += IDS_PER_STATEMENT) {
                    List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + IDS_PER_STATEMENT));
                    try (PreparedStatement ps = ofChunks(c, "DELETE FROM view_log", shopId, day, chunk)) {
                        deleted += ps.executeUpdate();
                    }
                }
                if (deleted != ids.size()) {
                    c.rollback();
                    return null;
                }
                append(c, shopId, day, id, merged);
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // a lock wait or deadlock with another merging reader: leave the chunks as they are
            return null;
        }
    }

    private static void append(Connection c, String shopId, LocalDate day, long chunkId, long[] views)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO view_log (shop_id, day, chunk_id, views, packed) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, shopId);
            ps.setDate(2, Date.valueOf(day));
            ps.setLong(3, chunkId);
            ps.setInt(4, views.length);
            ps.setBytes(5, bytes(views));
            ps.executeUpdate();
        }
    }

    /** {@code statement} restricted to these chunks of the day, bound. */
    private static PreparedStatement ofChunks(Connection c, String statement, String shopId, LocalDate day,
            List<Long> chunkIds) throws SQLException {
        PreparedStatement ps = c.prepareStatement(statement + " WHERE shop_id = ? AND day = ? AND chunk_id IN ("
                + "?,".repeat(chunkIds.size() - 1) + "?)");
        ps.setString(1, shopId);
        ps.setDate(2, Date.valueOf(day));
        int p = 3;
        for (Long id : chunkIds) {
            ps.setLong(p++, id);
        }
        return ps;
    }

    private static byte[] bytes(long[] views) {
        ByteBuffer buffer = ByteBuffer.allocate(views.length * Long.BYTES);
        buffer.asLongBuffer().put(views);
        return buffer.array();
    }

    private static long[] longs(byte[] bytes) {
        long[] views = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).asLongBuffer().get(views);
        return views;
    }
}
