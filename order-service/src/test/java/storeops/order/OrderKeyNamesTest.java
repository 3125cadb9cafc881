package storeops.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import storeops.order.repository.OrderKeyStore;
import storeops.order.repository.OrderKeyStore.Kind;

/**
 * The buyer sets name their keys from memory: a key assigned after the first read is read when a
 * set first holds it, and so is one committed after a higher key (two assignments racing).
 */
@QuarkusTest
class OrderKeyNamesTest {

    @Inject
    OrderKeyStore keys;

    @Inject
    DataSource dataSource;

    @Test
    void keysAssignedSinceAndKeysCommittedLateAreNamed() throws SQLException {
        String shop = "key-names";
        int base = highestKey() + 1000;
        assign(shop, "kn-high", base + 2);
        assertEquals(List.of(List.of("kn-high")), keys.ids(Kind.BUYER, shop, List.of(RoaringBitmap.bitmapOf(base + 2))));

        assign(shop, "kn-late", base + 1); // below the highest key read
        assign(shop, "kn-new", base + 3);
        assertEquals(List.of(List.of("kn-late", "kn-high", "kn-new"), List.of("kn-new")), keys.ids(Kind.BUYER, shop,
                List.of(RoaringBitmap.bitmapOf(base + 1, base + 2, base + 3), RoaringBitmap.bitmapOf(base + 3))));
    }

    private int highestKey() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(buyer_key), 0) FROM order_buyer_key");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void assign(String shop, String buyer, int key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO order_buyer_key (shop_id, buyer_id, buyer_key) VALUES (?, ?, ?)")) {
            ps.setString(1, shop);
            ps.setString(2, buyer);
            ps.setInt(3, key);
            ps.executeUpdate();
        }
    }
}
