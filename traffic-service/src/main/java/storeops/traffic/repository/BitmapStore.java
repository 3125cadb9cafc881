package storeops.traffic.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.roaringbitmap.RoaringBitmap;
import storeops.traffic.config.TrafficConfig;
import storeops.traffic.domain.Audience;
import storeops.traffic.domain.TerminalGroup;

/**
 * The per (shop, day, terminal group, audience) sets of visitor keys, stored as serialized
 * RoaringBitmaps. Writers OR new keys in under the row lock; readers and writers keep the sets in
 * memory, checked against the stored version, so a read moves only the days that changed.
 */
@ApplicationScoped
public class BitmapStore {

    public record Key(LocalDate day, TerminalGroup group, Audience audience) {
    }

    /** Day, then group, then audience: the primary key's order, in which writers lock rows. */
    public static final Comparator<Key> ORDER = Comparator.comparing(Key::day)
            .thenComparing(k -> k.group().code()).thenComparing(k -> k.audience().code());

    /** A stored set as of one version; never modified once cached. */
    private record Versioned(long version, RoaringBitmap bits, int bytes) {
    }

    private final AgroalDataSource dataSource;
    private final long cacheBytes;
    private final Map<String, Versioned> cache = new LinkedHashMap<>(256, 0.75f, true);
    private long cachedBytes;

    public BitmapStore(AgroalDataSource dataSource, TrafficConfig config) {
        this.dataSource = dataSource;
        this.cacheBytes = config.metrics().bitmapCacheMb() * 1024L * 1024L;
    }

    /**
     * The stored sets of a shop between two days, locked for this transaction until it ends: what
     * a writer reads the visitors' state from and ORs its additions into.
     */
    public final class Locked {
        private final Connection c;
        private final String shopId;
        private final Map<Key, Versioned> current;

        private Locked(Connection c, String shopId, Map<Key, Versioned> current) {
            this.c = c;
            this.shopId = shopId;
            this.current = current;
        }

        /** The set as stored before this transaction's write; empty when absent. */
        public RoaringBitmap get(Key key) {
            Versioned v = current.get(key);
            return v == null ? EMPTY : v.bits();
        }

        /**
         * ORs these keys into the sets. A set that another batch created meanwhile is a
         * serialization failure (SQLState 40001) for the caller to retry, never a lost update.
         */
        public void add(Map<Key, RoaringBitmap> additions) throws SQLException {
            write(c, shopId, current, additions);
        }
    }

    private static final RoaringBitmap EMPTY = new RoaringBitmap();

    /**
     * Locks the shop's stored sets of these days (rows in key order, so concurrent writers queue
     * rather than deadlock) and loads those of {@code wanted} that exist, from memory when the
     * cached copy is the stored version.
     */
    public Locked lock(Connection c, String shopId, LocalDate first, LocalDate last, Collection<Key> wanted)
            throws SQLException {
        Map<Key, Long> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT day, grp, audience, version FROM visitor_bitmap"
                + " WHERE shop_id = ? AND day BETWEEN ? AND ? ORDER BY day, grp, audience FOR UPDATE")) {
            ps.setString(1, shopId);
            ps.setDate(2, Date.valueOf(first));
            ps.setDate(3, Date.valueOf(last));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(key(rs), rs.getLong(4));
                }
            }
        }
        Map<Key, Versioned> current = new HashMap<>();
        List<Key> toLoad = new ArrayList<>();
        for (Key key : wanted) {
            Long version = stored.get(key);
            if (version != null && !current.containsKey(key)) {
                Versioned cached = cached(shopId, key);
                if (cached != null && cached.version() == version) {
                    current.put(key, cached);
                } else {
                    toLoad.add(key);
                }
            }
        }
        current.putAll(load(c, shopId, toLoad));
        return new Locked(c, shopId, current);
    }

    /** ORs these keys into the stored sets, in the caller's transaction (see {@link Locked#add}). */
    public void add(Connection c, String shopId, Map<Key, RoaringBitmap> additions) throws SQLException {
        if (additions.isEmpty()) {
            return;
        }
        TreeMap<Key, RoaringBitmap> sorted = new TreeMap<>(ORDER);
        sorted.putAll(additions);
        lock(c, shopId, sorted.firstKey().day(), sorted.lastKey().day(), sorted.keySet()).add(additions);
    }

    private void write(Connection c, String shopId, Map<Key, Versioned> current, Map<Key, RoaringBitmap> additions)
            throws SQLException {
        TreeMap<Key, RoaringBitmap> sorted = new TreeMap<>(ORDER);
        sorted.putAll(additions);
        long version = ThreadLocalRandom.current().nextLong();
        List<Key> inserts = new ArrayList<>();
        List<Key> updates = new ArrayList<>();
        Map<Key, Versioned> written = new HashMap<>();
        for (var entry : sorted.entrySet()) {
            Versioned before = current.get(entry.getKey());
            if (before != null && before.bits().contains(entry.getValue())) {
                continue;
            }
            RoaringBitmap bits = before == null ? entry.getValue().clone()
                    : RoaringBitmap.or(before.bits(), entry.getValue());
            bits.runOptimize();
            written.put(entry.getKey(), new Versioned(version, bits, bits.serializedSizeInBytes()));
            (before == null ? inserts : updates).add(entry.getKey());
        }
        if (!inserts.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO visitor_bitmap (shop_id, day, grp, audience,"
                    + " version, members, bits) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Key key : inserts) {
                    bind(ps, shopId, key, written.get(key));
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLIntegrityConstraintViolationException e) {
                throw new SQLException("visitor set created concurrently", "40001", e);
            } catch (java.sql.BatchUpdateException e) {
                // MySQL says 1062; H2 reports the duplicate key by its SQLState only (class 23)
                if (e.getCause() instanceof SQLIntegrityConstraintViolationException || e.getErrorCode() == 1062
                        || String.valueOf(e.getSQLState()).startsWith("23")) {
                    throw new SQLException("visitor set created concurrently", "40001", e);
                }
                throw e;
            }
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE visitor_bitmap SET version = ?, members = ?, bits = ?"
                    + " WHERE shop_id = ? AND day = ? AND grp = ? AND audience = ?")) {
                for (Key key : updates) {
                    Versioned v = written.get(key);
                    ps.setLong(1, v.version());
                    ps.setInt(2, v.bits().getCardinality());
                    ps.setBytes(3, serialize(v));
                    ps.setString(4, shopId);
                    ps.setDate(5, Date.valueOf(key.day()));
                    ps.setString(6, key.group().code());
                    ps.setString(7, key.audience().code());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        // cached before the commit: should the transaction roll back, the version never becomes
        // the stored one and the next reader loads the stored set instead
        for (var entry : written.entrySet()) {
            remember(shopId, entry.getKey(), entry.getValue());
        }
    }

    /** The stored sets of the shop between two days (inclusive) in these audiences; absent sets are empty. */
    public Map<Key, RoaringBitmap> read(String shopId, LocalDate from, LocalDate to, Set<Audience> audiences) {
        Map<Key, RoaringBitmap> sets = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            List<Key> toLoad = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT day, grp, audience, version FROM visitor_bitmap"
                    + " WHERE shop_id = ? AND day BETWEEN ? AND ?")) {
                ps.setString(1, shopId);
                ps.setDate(2, Date.valueOf(from));
                ps.setDate(3, Date.valueOf(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Key key = key(rs);
                        if (!audiences.contains(key.audience())) {
                            continue;
                        }
                        Versioned cached = cached(shopId, key);
                        if (cached != null && cached.version() == rs.getLong(4)) {
                            sets.put(key, cached.bits());
                        } else {
                            toLoad.add(key);
                        }
                    }
                }
            }
            for (var loaded : load(c, shopId, toLoad).entrySet()) {
                sets.put(loaded.getKey(), loaded.getValue().bits());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Traffic read failed: " + e.getMessage(), e);
        }
        return sets;
    }

    private Map<Key, Versioned> load(Connection c, String shopId, List<Key> keys) throws SQLException {
        Map<Key, Versioned> loaded = new HashMap<>();
        final int perStatement = 100;
        for (int start = 0; start < keys.size(); start += perStatement) {
            List<Key> chunk = keys.subList(start, Math.min(keys.size(), start + perStatement));
            String sql = "SELECT day, grp, audience, version, bits FROM visitor_bitmap WHERE shop_id = ? AND ("
                    + "(day = ? AND grp = ? AND audience = ?) OR ".repeat(chunk.size() - 1)
                    + "(day = ? AND grp = ? AND audience = ?))";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, shopId);
                int p = 2;
                for (Key key : chunk) {
                    ps.setDate(p++, Date.valueOf(key.day()));
                    ps.setString(p++, key.group().code());
                    ps.setString(p++, key.audience().code());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Key key = key(rs);
                        byte[] bytes = rs.getBytes(5);
                        Versioned v = new Versioned(rs.getLong(4), deserialize(bytes), bytes.length);
                        loaded.put(key, v);
                        remember(shopId, key, v);
                    }
                }
            }
        }
        return loaded;
    }

    private static Key key(ResultSet rs) throws SQLException {
        return new Key(rs.getDate(1).toLocalDate(), TrafficReadStore.group(rs.getString(2)),
                Audience.ofCode(rs.getString(3)));
    }

    private static void bind(PreparedStatement ps, String shopId, Key key, Versioned v) throws SQLException {
        ps.setString(1, shopId);
        ps.setDate(2, Date.valueOf(key.day()));
        ps.setString(3, key.group().code());
        ps.setString(4, key.audience().code());
        ps.setLong(5, v.version());
        ps.setInt(6, v.bits().getCardinality());
        ps.setBytes(7, serialize(v));
    }

    private static byte[] serialize(Versioned v) {
        ByteBuffer buffer = ByteBuffer.allocate(v.bytes());
        v.bits().serialize(buffer);
        return buffer.array();
    }

    private static RoaringBitmap deserialize(byte[] bytes) {
        RoaringBitmap bits = new RoaringBitmap();
        try {
            bits.deserialize(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable visitor set", e);
        }
        return bits;
    }

    private static String cacheKey(String shopId, Key key) {
        return shopId + '/' + key.day() + '/' + key.group().code() + key.audience().code();
    }

    private synchronized Versioned cached(String shopId, Key key) {
        return cache.get(cacheKey(shopId, key));
    }

    private synchronized void remember(String shopId, Key key, Versioned v) {
        if (cacheBytes <= 0) {
            return;
        }
        Versioned old = cache.put(cacheKey(shopId, key), v);
        cachedBytes += v.bytes() - (old == null ? 0 : old.bytes());
        var eldest = cache.entrySet().iterator();
        while (cachedBytes > cacheBytes && eldest.hasNext()) {
            cachedBytes -= eldest.next().getValue().bytes();
            eldest.remove();
        }
    }
}
