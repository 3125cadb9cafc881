package storeops.common.version;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import javax.sql.DataSource;

/**
 * A token per shop that changes whenever the service's data of that shop changes, so a reader
 * (the gateway) can keep an answer composed from it until the token moves. The token is bumped
 * after a write has committed, never before: a reader that takes the token, then the data, can at
 * worst hold newer data under an older token, which the next bump replaces. Tokens are random
 * rather than counted, so a cleaned database never hands out a token seen before.
 */
@ApplicationScoped
public class DataVersions {

    /** A shop nothing was ever written for. */
    public static final long NONE = 0;

    private final Instance<DataSource> dataSource;
    private final SecureRandom random = new SecureRandom();

    public DataVersions(Instance<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    public long current(String shopId) {
        try (Connection c = dataSource.get().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT version FROM shop_data_version WHERE shop_id = ?")) {
            select.setString(1, shopId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : NONE;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the data version of shop " + shopId, e);
        }
    }

    /** Marks the shop's data as changed; call it once the change has committed. */
    public void bump(String shopId) {
        long version = next();
        try (Connection c = dataSource.get().getConnection()) {
            if (update(c, shopId, version) == 0) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO shop_data_version (shop_id, version) VALUES (?, ?)")) {
                    insert.setString(1, shopId);
                    insert.setLong(2, version);
                    insert.executeUpdate();
                } catch (SQLIntegrityConstraintViolationException raced) {
                    update(c, shopId, next()); // another writer inserted the row first
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bump the data version of shop " + shopId, e);
        }
    }

    public boolean available() {
        return dataSource.isResolvable();
    }

    private static int update(Connection c, String shopId, long version) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE shop_data_version SET version = ? WHERE shop_id = ?")) {
            update.setLong(1, version);
            update.setString(2, shopId);
            return update.executeUpdate();
        }
    }

    private long next() {
        long version;
        do {
            version = random.nextLong();
        } while (version == NONE);
        return version;
    }
}
