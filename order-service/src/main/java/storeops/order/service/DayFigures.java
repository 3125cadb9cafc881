package storeops.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.roaringbitmap.RoaringBitmap;
import storeops.order.repository.DayFiguresStore;
import storeops.order.repository.DayFiguresStore.Basis;
import storeops.order.repository.DayFiguresStore.Row;
import storeops.order.repository.OrderFigures;
import storeops.order.repository.TerminalSlice;

/**
 * The order metrics' view of the per-day figures: dirty days are recomputed before a read, so a
 * read right after a write sees it; a period's figures are its days added up (sums) or ORed (sets).
 */
@ApplicationScoped
public class DayFigures {

    private static final Logger LOG = Logger.getLogger(DayFigures.class);
    private static final int ATTEMPTS = 5;

    private final DayFiguresStore store;

    public DayFigures(DayFiguresStore store) {
        this.store = store;
    }

    /** Recomputes the shop's dirty days; answers how many this call recomputed. */
    public int refresh(String shopId) {
        try {
            int recomputed = 0;
            for (LocalDate day : store.dirtyDays(shopId)) {
                recomputed += recompute(shopId, day) ? 1 : 0;
            }
            return recomputed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not recompute the order figures of shop " + shopId, e);
        }
    }

    /** Recomputes the dirty days of every shop; answers how many this call recomputed. */
    public int refreshAll() {
        try {
            int recomputed = 0;
            for (String shopId : store.dirtyShops()) {
                recomputed += refresh(shopId);
            }
            return recomputed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the shops with dirty order figures", e);
        }
    }

    /** One day; a deadlock or lock timeout against order writers is retried. */
    private boolean recompute(String shopId, LocalDate day) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.recompute(shopId, day);
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                LOG.debugf("Recompute of %s %s retried: %s", shopId, day, e.getMessage());
            }
        }
    }

    private static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException || "40001".equals(state) || "41000".equals(state)
                || e.getErrorCode() == 1205 || e.getErrorCode() == 1213;
    }

    public List<Row> rows(String shopId, LocalDate from, LocalDate to) {
        return store.read(shopId, from, to);
    }

    /** The all-terminal rows of the placed, paid and placed-and-paid bases, buyers only. */
    public List<Row> allTerminalBuyers(String shopId, LocalDate from, LocalDate to) {
        return store.allTerminalBuyers(shopId, from, to);
    }

    public java.util.Map<LocalDate, RoaringBitmap> paidBuyers(String shopId, LocalDate from, LocalDate to) {
        return store.paidBuyers(shopId, from, to);
    }

    /** The rows of one basis and terminal slice that also pass {@code which}, added up. */
    static OrderFigures sum(List<Row> rows, Basis basis, TerminalSlice slice, Predicate<Row> which) {
        long parents = 0;
        BigDecimal amount = BigDecimal.ZERO;
        long childOrders = 0;
        long items = 0;
        RoaringBitmap buyers = new RoaringBitmap();
        RoaringBitmap products = new RoaringBitmap();
        for (Row row : rows) {
            if (row.basis() != basis || !slice.covers(row.terminal()) || !which.test(row)) {
                continue;
            }
            parents += row.figures().parentOrders();
            amount = amount.add(row.figures().amount());
            childOrders += row.figures().childOrders();
            items += row.figures().items();
            buyers.or(row.figures().buyers());
            products.or(row.figures().products());
        }
        return new OrderFigures(parents, amount.setScale(2, RoundingMode.HALF_UP), buyers.getLongCardinality(),
                childOrders, items, products.getLongCardinality());
    }

    /** The buyers of the rows of one basis and slice on one day. */
    static RoaringBitmap buyers(List<Row> rows, Basis basis, TerminalSlice slice, LocalDate day) {
        RoaringBitmap buyers = new RoaringBitmap();
        for (Row row : rows) {
            if (row.basis() == basis && slice.covers(row.terminal()) && row.day().equals(day)) {
                buyers.or(row.figures().buyers());
            }
        }
        return buyers;
    }
}
