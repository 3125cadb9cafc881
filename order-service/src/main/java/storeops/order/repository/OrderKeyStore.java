package storeops.order.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;

/**
 * Assigns the dense integers of buyers and products that the day sets hold. A key is assigned
 * once, in its own short autocommitted statement: a key whose recompute then fails is merely
 * unused, and concurrent assignments of the same id meet at the primary key (INSERT IGNORE).
 * Readers find the keys by joining the orders to these tables, so ids match in the orders'
 * collation, as the distinct counts over the orders always did.
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

    private final AgroalDataSource dataSource;

    public OrderKeyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The ids of the keys in each set, each list in the ids' collation order: one pass over the
     * shop's keys in primary-key order (the order {@code ORDER BY buyer_id} over the orders gave).
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
        String keyColumn = kind == Kind.BUYER ? "buyer_key" : "product_key";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + keyColumn + ", " + kind.idColumn + " FROM "
                        + kind.table + " WHERE shop_id = ? ORDER BY " + kind.idColumn)) {
            ps.setString(1, shopId);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int key = rs.getInt(1);
                    if (!any.contains(key)) {
                        continue;
                    }
                    String id = rs.getString(2);
                    for (int i = 0; i < sets.size(); i++) {
                        if (sets.get(i).contains(key)) {
                            ids.get(i).add(id);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Keys of shop " + shopId + " could not be read: " + e.getMessage(), e);
        }
        return ids;
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
