package storeops.traffic.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.jboss.logging.Logger;
import storeops.common.version.WrittenDays;
import storeops.traffic.config.TrafficConfig;
import storeops.traffic.domain.DayViews;
import storeops.traffic.domain.VisitEvent;
import storeops.traffic.repository.EventStore;
import storeops.traffic.repository.RollupStore;
import storeops.traffic.repository.ViewLogStore;
import storeops.traffic.repository.VisitorKeyStore;

/**
 * Stores a batch of events and its rollups in one JDBC transaction: the hot path bypasses the ORM.
 * Idempotent by eventId: only the events this transaction inserted reach the rollups, so a replay
 * (or the same event twice in a batch) changes nothing.
 */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    private final AgroalDataSource dataSource;
    private final EventStore events;
    private final RollupStore rollups;
    private final VisitorKeyStore visitorKeys;
    private final VisitorSetService visitorSets;
    private final TrafficConfig config;
    private final ViewLogStore viewLog;
    private final WrittenDays written;

    public IngestionService(AgroalDataSource dataSource, EventStore events, RollupStore rollups,
            VisitorKeyStore visitorKeys, VisitorSetService visitorSets, TrafficConfig config, ViewLogStore viewLog,
            WrittenDays written) {
        this.viewLog = viewLog;
        this.written = written;
        this.dataSource = dataSource;
        this.visitorSets = visitorSets;
        this.visitorKeys = visitorKeys;
        this.events = events;
        this.rollups = rollups;
        this.config = config;
    }

    /** Within a request: the days of the events it stored are declared written (a replay declares none). */
    public IngestResult ingest(String shopId, EventBatch batch) {
        written.declare(shopId);
        List<VisitEvent> unique = new ArrayList<>(batch.events().size());
        Set<String> seen = new HashSet<>();
        for (EventBatch.Indexed indexed : batch.events()) {
            if (seen.add(indexed.event().eventId())) {
                unique.add(indexed.event());
            }
        }
        int stored = store(shopId, unique);
        int accepted = batch.events().size();
        return new IngestResult(stored, accepted - stored, batch.rejections().size(), batch.rejections());
    }

    private int store(String shopId, List<VisitEvent> unique) {
        if (unique.isEmpty()) {
            return 0;
        }
        int attempts = config.ingest().attempts();
        for (int attempt = 1; ; attempt++) {
            try {
                return storeOnce(shopId, unique);
            } catch (SQLException e) {
                if (attempt >= attempts || !isRetryable(e)) {
                    throw new IllegalStateException("Could not store a batch of " + unique.size() + " events", e);
                }
                LOG.debugf("Batch of %d events for shop %s hit %s, attempt %d", unique.size(), shopId, e.getMessage(),
                        attempt);
                backOff(attempt);
            }
        }
    }

    private int storeOnce(String shopId, List<VisitEvent> unique) throws SQLException {
        long ingestId = ThreadLocalRandom.current().nextLong();
        Set<String> visitors = new HashSet<>();
        LocalDate first = LocalDate.MAX;
        LocalDate last = LocalDate.MIN;
        for (VisitEvent e : unique) {
            visitors.add(e.visitorId());
            first = e.day().isBefore(first) ? e.day() : first;
            last = e.day().isAfter(last) ? e.day() : last;
        }
        visitorSets.rebuildPending(shopId, first, last);
        Map<String, Integer> keys = visitorKeys.keys(shopId, visitors);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // no gap locks: concurrent batches of one shop and day only meet on the rows they both write
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                int inserted = events.insertIgnoringDuplicates(c, shopId, unique, ingestId);
                List<VisitEvent> mine = inserted == unique.size() ? unique
                        : events.insertedBy(c, shopId, unique, ingestId);
                RollupDeltas deltas = mine.isEmpty() ? null : RollupDeltas.of(mine);
                if (deltas != null) {
                    rollups.apply(c, shopId, deltas, keys);
                    logViews(c, shopId, mine, keys);
                }
                c.commit();
                mine.forEach(e -> written.add(shopId, e.day()));
                if (deltas != null) {
                    rollups.committed(shopId, deltas);
                }
                return mine.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The batch's VIEWs into the day view log that last-visits reads; a day holding a view it cannot pack is marked incomplete. */
    private void logViews(Connection c, String shopId, List<VisitEvent> inserted, Map<String, Integer> keys)
            throws SQLException {
        Map<LocalDate, LongStream.Builder> byDay = new HashMap<>();
        Set<LocalDate> unpackable = new HashSet<>();
        for (VisitEvent e : inserted) {
            if (!e.isView()) {
                continue;
            }
            long packed = DayViews.pack(e.day(), keys.get(e.visitorId()), e.occurredAt().toEpochMilli(), e.source());
            if (packed < 0) {
                unpackable.add(e.day());
            } else {
                byDay.computeIfAbsent(e.day(), d -> LongStream.builder()).add(packed);
            }
        }
        Map<LocalDate, long[]> views = new HashMap<>();
        byDay.forEach((day, packed) -> views.put(day, packed.build().toArray()));
        viewLog.append(c, shopId, views);
        viewLog.markIncomplete(c, shopId, unpackable);
    }

    /**
     * Deadlocks (1213) and lock wait timeouts (1205; 50200 on the embedded H2) between concurrent
     * batches: run the batch again.
     */
    /**
     * A growing, jittered pause: on H2 a batch meeting another's uncommitted visitor set fails at
     * once rather than waiting, so retrying without a pause can use up every attempt before the
     * other transaction commits.
     */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25) * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a batch", interrupted);
        }
    }

    static boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205
                    || sql.getErrorCode() == 50200 || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
