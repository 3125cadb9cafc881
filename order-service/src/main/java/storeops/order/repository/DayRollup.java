package storeops.order.repository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;

/**
 * A per-day rollup recomputed with the trade's figures when a day is marked dirty, in the same
 * transaction (the mark's lock held, read committed), so that refunds and late shipment share the
 * trade's marks, locking and job.
 */
public interface DayRollup {

    /**
     * Replaces this rollup's rows of the day. Answers the buyer ids that have no key yet: the
     * transaction is then rolled back, the keys assigned and the day computed again.
     */
    Set<String> recompute(Connection c, String shopId, LocalDate day, long dayStart, long dayEnd) throws SQLException;
}
