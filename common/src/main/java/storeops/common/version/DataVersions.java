package storeops.common.version;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * A token per shop, and per shop and range of natural days, that changes whenever the service's
 * data of that shop (of those days) changes, so a reader (the gateway) can keep an answer composed
 * from it until the token moves. A write moves the tokens of the days it declared
 * ({@link WrittenDays}), or of every day when it declared none. Tokens are bumped after a write has
 * committed, never before: a reader that takes the token, then the data, can at worst hold newer
 * data under an older token, which the next bump replaces. Tokens are random rather than counted,
 * so a cleaned database never hands out a token seen before.
 *
 * <p>The token of a range is the shop's own token (moved by writes of no declared day) XOR the
 * tokens of the days in the range; a day that was never written has none. Without a range, every
 * day of the shop counts.
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

    /** The token of all the shop's data. */
    public long current(String shopId) {
        return current(shopId, LocalDate.MIN, LocalDate.MAX);
    }

    /** The token of the shop's data of the natural days {@code from} to {@code to}, inclusive. */
    public long current(String shopId, LocalDate from, LocalDate to) {
        return current(shopId, List.<LocalDate[]>of(new LocalDate[] {from, to}))[0];
    }

    /** The tokens of several ranges {from, to} of natural days, in one read of the days they span. */
    public long[] current(String shopId, List<LocalDate[]> ranges) {
        long[] froms = new long[ranges.size()];
        long[] tos = new long[ranges.size()];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < froms.length; i++) {
            froms[i] = clamp(ranges.get(i)[0]);
            tos[i] = clamp(ranges.get(i)[1]);
            first = Math.min(first, froms[i]);
            last = Math.max(last, tos[i]);
        }
        try (Connection c = dataSource.get().getConnection()) {
            long shopToken = NONE;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT version FROM shop_data_version WHERE shop_id = ?")) {
                select.setString(1, shopId);
                try (ResultSet rs = select.executeQuery()) {
                    shopToken = rs.next() ? rs.getLong(1) : NONE;
                }
            }
            long[] tokens = new long[ranges.size()];
            Arrays.fill(tokens, shopToken);
            try (PreparedStatement select = c.prepareStatement("SELECT epoch_day, version FROM shop_day_data_version"
                    + " WHERE shop_id = ? AND epoch_day BETWEEN ? AND ?")) {
                select.setString(1, shopId);
                select.setLong(2, first);
                select.setLong(3, last);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long day = rs.getLong(1);
                        long version = rs.getLong(2);
                        for (int i = 0; i < tokens.length; i++) {
                            if (day >= froms[i] && day <= tos[i]) {
                                tokens[i] ^= version;
                            }
                        }
                    }
                }
            }
            return tokens;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the data version of shop " + shopId, e);
        }
    }

    /** Epoch days are stored as INT; LocalDate.MIN and MAX stand for "every day". */
    private static long clamp(LocalDate day) {
        return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, day.toEpochDay()));
    }

    /** Marks all the shop's data as changed; call it once the change has committed. */
    public void bump(String shopId) {
        try (Connection c = dataSource.get().getConnection()) {
            upsert(c, "UPDATE shop_data_version SET version = ? WHERE shop_id = ?",
                    "INSERT INTO shop_data_version (version, shop_id) VALUES (?, ?)", shopId, null);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bump the data version of shop " + shopId, e);
        }
    }

    /** Marks the shop's data of these natural days (epoch days) as changed; call it once the change has committed. */
    public void bumpDays(String shopId, Collection<Long> epochDays) {
        try (Connection c = dataSource.get().getConnection()) {
            for (long day : epochDays) {
                upsert(c, "UPDATE shop_day_data_version SET version = ? WHERE shop_id = ? AND epoch_day = ?",
                        "INSERT INTO shop_day_data_version (version, shop_id, epoch_day) VALUES (?, ?, ?)", shopId, day);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bump the data version of shop " + shopId + "'s days", e);
        }
    }

    public boolean available() {
        return dataSource.isResolvable();
    }

    /** Update, else insert; a writer that inserted the same row first just gets overwritten. */
    private void upsert(Connection c, String update, String insert, String shopId, Long epochDay) throws SQLException {
        if (execute(c, update, shopId, epochDay) == 0) {
            try {
                execute(c, insert, shopId, epochDay);
            } catch (SQLIntegrityConstraintViolationException raced) {
                execute(c, update, shopId, epochDay);
            }
        }
    }

    private int execute(Connection c, String sql, String shopId, Long epochDay) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setLong(1, next());
            statement.setString(2, shopId);
            if (epochDay != null) {
                statement.setLong(3, epochDay);
            }
            return statement.executeUpdate();
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
