package storeops.traffic.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dense integer of each (shop, visitor) that the day bitmaps hold. A key is assigned once, in
 * its own short transaction before the batch's: a key whose batch then fails is merely unused,
 * and a visitor's key never changes, so known keys are cached without any check.
 */
@ApplicationScoped
public class VisitorKeyStore {

    /** Under MariaDB's in_predicate_conversion_threshold (1,000), where an IN list stops being a range read. */
    private static final int IDS_PER_STATEMENT = 500;
    /** Past this many cached keys the cache starts over (about 80 bytes a key, most of them the id's String). */
    private static final int MAX_CACHED = 4_000_000;

    private final AgroalDataSource dataSource;
    private final Map<String, VisitorKeyCache> cache = new ConcurrentHashMap<>();
    private final AtomicInteger cached = new AtomicInteger();

    public VisitorKeyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The keys of these visitors, assigning new ones to visitors never seen before. */
    public Map<String, Integer> keys(String shopId, Collection<String> visitorIds) throws SQLException {
        VisitorKeyCache known = cache.computeIfAbsent(shopId, s -> new VisitorKeyCache());
        Map<String, Integer> keys = new HashMap<>(visitorIds.size() * 2);
        TreeSet<String> missing = new TreeSet<>();
        fromCache(known, visitorIds, keys, missing);
        if (missing.isEmpty()) {
            return keys;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            select(c, shopId, new ArrayList<>(missing), keys);
            missing.removeAll(keys.keySet());
            if (!missing.isEmpty()) {
                // sorted: concurrent batches meeting the same new visitors lock them in one order
                insert(c, shopId, new ArrayList<>(missing));
                select(c, shopId, new ArrayList<>(missing), keys);
            }
        }
        for (String id : visitorIds) {
            if (!keys.containsKey(id)) {
                throw new IllegalStateException("No visitor key for " + id);
            }
        }
        remember(known, keys);
        return keys;
    }

    /**
     * Per id, in order, its key when the shop has seen it, else -1; assigns none. One cache look-up
     * per id: the joins ask tens of thousands a call. The keys read are cached like assigned ones:
     * after a restart the joins' buyers would otherwise be read again on every call.
     */
    public int[] existingKeysOf(String shopId, List<String> visitorIds) {
        int[] keys = new int[visitorIds.size()];
        VisitorKeyCache known = cache.computeIfAbsent(shopId, s -> new VisitorKeyCache());
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            keys[i] = known.get(visitorIds.get(i));
            if (keys[i] < 0) {
                unknown.add(i);
            }
        }
        if (!unknown.isEmpty()) {
            Set<String> missing = new LinkedHashSet<>();
            unknown.forEach(i -> missing.add(visitorIds.get(i)));
            Map<String, Integer> read = new HashMap<>();
            try (Connection c = dataSource.getConnection()) {
                select(c, shopId, new ArrayList<>(missing), read);
            } catch (SQLException e) {
                throw new IllegalStateException("Traffic read failed: " + e.getMessage(), e);
            }
            for (int i : unknown) {
                keys[i] = read.getOrDefault(visitorIds.get(i), -1);
            }
            remember(known, read);
        }
        return keys;
    }

    private void remember(VisitorKeyCache known, Map<String, Integer> keys) {
        if (cached.get() > MAX_CACHED) {
            cache.clear();
            cached.set(0);
        }
        cached.addAndGet(known.addAll(keys));
    }

    private static void fromCache(VisitorKeyCache known, Collection<String> ids, Map<String, Integer> keys,
            Collection<String> missing) {
        for (String id : ids) {
            int key = known.get(id);
            if (key >= 0) {
                keys.put(id, key);
            } else {
                missing.add(id);
            }
        }
    }

    /** Every key of the shop's visitors among these ids; a padded id matches as the database compares it. */
    private static void select(Connection c, String shopId, List<String> ids, Map<String, Integer> keys)
            throws SQLException {
        for (int start = 0; start < ids.size(); start += IDS_PER_STATEMENT) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IDS_PER_STATEMENT));
            Map<String, Integer> found = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT visitor_id, visitor_key FROM visitor_key"
                    + " WHERE shop_id = ? AND visitor_id IN (" + "?,".repeat(chunk.size() - 1) + "?)")) {
                ps.setString(1, shopId);
                int p = 2;
                for (String id : chunk) {
                    ps.setString(p++, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            for (String id : chunk) {
                Integer key = found.get(id);
                if (key == null) {
                    key = found.get(id.stripTrailing());
                }
                if (key != null) {
                    keys.put(id, key);
                }
            }
        }
    }

    private static void insert(Connection c, String shopId, List<String> ids) throws SQLException {
        for (int start = 0; start < ids.size(); start += IDS_PER_STATEMENT) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IDS_PER_STATEMENT));
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO visitor_key (shop_id, visitor_id) VALUES "
                    + "(?, ?),".repeat(chunk.size() - 1) + "(?, ?)")) {
                int p = 1;
                for (String id : chunk) {
                    ps.setString(p++, shopId);
                    ps.setString(p++, id);
                }
                ps.executeUpdate();
            }
        }
    }
}
