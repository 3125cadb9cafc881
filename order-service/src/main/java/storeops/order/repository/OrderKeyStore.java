package storeops.order.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;
import storeops.order.config.OrderConfig;

/**
 * Assigns the dense integers of buyers and products that the day sets hold. A key is assigned
 * once, in its own short autocommitted statement: a key whose recompute then fails is merely
 * unused, and concurrent assignments of the same id meet at the primary key (INSERT IGNORE).
 * Readers find the keys by joining the orders to these tables, so ids match in the orders'
 * collation, as the distinct counts over the orders always did; the ids of the keys in a set are
 * named from memory ({@link #ids}).
 */
@ApplicationScoped
public class OrderKeyStore {

    public enum Kind {
        BUYER("order_buyer_key", "buyer_id"),
        PRODUCT("order_product_key", "product_id");

        final String table;
        final String idColumn;

        Kind(String table, String idColumn) {
            this.table = table;
            this.idColumn = idColumn;
        }
    }

    private static final int IDS_PER_STATEMENT = 1000;

    /**
     * The ids of one shop's keys of one kind read so far. A key names its id for good (keys are
     * assigned once and never reassigned), so a name once read is never read again; a key assigned
     * since, by this replica or another, is read when a set first holds it.
     */
    private static final class Names {
        final Map<Integer, String> byKey = new HashMap<>();
        /** The keys of {@code byKey}, so that a set's missing keys are one bitmap difference. */
        final RoaringBitmap read = new RoaringBitmap();
        int highest = -1;
    }

    private record NamesKey(Kind kind, String shopId) {
    }

    private final AgroalDataSource dataSource;
    private final int capacity;
    private final Map<NamesKey, Names> names = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    public OrderKeyStore(AgroalDataSource dataSource, OrderConfig config) {
        this.dataSource = dataSource;
        this.capacity = config.keptKeyNames();
    }

    /**
     * The ids of the keys in each set, each list in key order (the order the ids first came in).
     * The names come from memory; only keys not seen before are read, so a month's buyer sets after
     * an order of today cost no pass over the shop's 50,000 buyers.
     */
    public List<List<String>> ids(Kind kind, String shopId, List<RoaringBitmap> sets) {
        List<List<String>> ids = new ArrayList<>();
        RoaringBitmap any = new RoaringBitmap();
        for (RoaringBitmap set : sets) {
            ids.add(new ArrayList<>(set.getCardinality()));
            any.or(set);
        }
        if (any.isEmpty()) {
            return ids;
        }
        Names known = names(kind, shopId);
        synchronized (known) {
            int before = known.byKey.size();
            try {
                readMissing(kind, shopId, any, known);
            } catch (SQLException e) {
                throw new IllegalStateException("Keys of shop " + shopId + " could not be read: " + e.getMessage(), e);
            }
            for (int i = 0; i < sets.size(); i++) {
                List<String> into = ids.get(i);
                sets.get(i).forEach((int key) -> into.add(known.byKey.get(key)));
            }
            held(known.byKey.size() - before);
        }
        return ids;
    }

    /** The keys assigned after the highest one read, in one statement, then any older one still missing. */
    private void readMissing(Kind kind, String shopId, RoaringBitmap keys, Names known) throws SQLException {
        String keyColumn = kind == Kind.BUYER ? "buyer_key" : "product_key";
        try (Connection c = dataSource.getConnection()) {
            if (keys.last() > known.highest) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + keyColumn + ", " + kind.idColumn + " FROM "
                        + kind.table + " WHERE shop_id = ? AND " + keyColumn + " > ?")) {
                    ps.setString(1, shopId);
                    ps.setInt(2, known.highest);
                    ps.setFetchSize(10_000);
                    read(ps, known);
                }
            }
            // a key committed after a higher one (concurrent assignments) is read by itself
            int[] missing = RoaringBitmap.andNot(keys, known.read).toArray();
            for (int start = 0; start < missing.length; start += IDS_PER_STATEMENT) {
                int[] chunk = Arrays.copyOfRange(missing, start,
                        Math.min(missing.length, start + IDS_PER_STATEMENT));
                try (PreparedStatement ps = c.prepareStatement("SELECT " + keyColumn + ", " + kind.idColumn + " FROM "
                        + kind.table + " WHERE shop_id = ? AND " + keyColumn + " IN (" + "?, ".repeat(chunk.length - 1)
                        + "?)")) {
                    ps.setString(1, shopId);
                    for (int i = 0; i < chunk.length; i++) {
                        ps.setInt(i + 2, chunk[i]);
                    }
                    read(ps, known);
                }
            }
        }
    }

    private static void read(PreparedStatement ps, Names known) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int key = rs.getInt(1);
                known.byKey.put(key, rs.getString(2));
                known.read.add(key);
                known.highest = Math.max(known.highest, key);
            }
        }
    }

    private synchronized Names names(Kind kind, String shopId) {
        return names.computeIfAbsent(new NamesKey(kind, shopId), k -> new Names());
    }

    /** Past the capacity the shops read longest ago are forgotten (read again when asked). */
    private synchronized void held(int added) {
        held += added;
        var eldest = names.entrySet().iterator();
        while (held > capacity && names.size() > 1 && eldest.hasNext()) {
            Names dropped = eldest.next().getValue();
            held -= dropped.byKey.size();
            eldest.remove();
        }
    }

    /** Gives these ids of the shop a key unless they have one. */
    public void assign(Kind kind, String shopId, Collection<String> ids) throws SQLException {
        // sorted: concurrent recomputes meeting the same new ids lock them in one order
        List<String> sorted = new ArrayList<>(new TreeSet<>(ids));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (int start = 0; start < sorted.size(); start += IDS_PER_STATEMENT) {
                List<String> chunk = sorted.subList(start, Math.min(sorted.size(), start + IDS_PER_STATEMENT));
                try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO " + kind.table + " (shop_id, "
                        + kind.idColumn + ") VALUES " + "(?, ?),".repeat(chunk.size() - 1) + "(?, ?)")) {
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
}
