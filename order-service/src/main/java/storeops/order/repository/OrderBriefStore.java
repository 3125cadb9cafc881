package storeops.order.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The compact order rows of the gateway's joins, read by JDBC from covering indexes (payments:
 * V53's ix_orders_paid_figures; buyers: V92's ix_orders_buyer_created), with no entity built.
 */
@ApplicationScoped
public class OrderBriefStore {

    /** One order as the joins answer it; times in epoch milliseconds, paidAt null when unpaid. */
    public record Brief(String orderNo, String buyerId, String terminal, long createdAt, Long paidAt,
            BigDecimal goodsAmount) {
    }

    /** Receives the rows one at a time while the result set is read. */
    @FunctionalInterface
    public interface Sink {
        void accept(Brief brief) throws java.io.IOException;
    }

    /** Buyers per statement: well under the server's packet and placeholder limits. */
    private static final int IN_CHUNK = 5_000;
    private static final String COLUMNS = "o.order_no, o.buyer_id, o.terminal, o.created_at, o.paid_at, o.goods_amount";

    private final AgroalDataSource dataSource;

    public OrderBriefStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The orders paid in [from, to), by payment time then order number, handed over as they are
     * read. The covering index gives them in payment-time order, so the server sorts nothing (a
     * 60,000-row filesort spilled to disk); orders paid at the same millisecond are put in order
     * number order here, a handful at a time.
     */
    public void paid(String shopId, long from, long to, Sink sink) throws SQLException, java.io.IOException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM orders o"
                        + " USE INDEX (ix_orders_paid_figures)"
                        + " WHERE o.shop_id = ? AND o.paid_at >= ? AND o.paid_at < ? ORDER BY o.paid_at")) {
            ps.setString(1, shopId);
            ps.setLong(2, from);
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                List<Brief> samePaidAt = new ArrayList<>();
                while (rs.next()) {
                    Brief brief = brief(rs);
                    if (!samePaidAt.isEmpty() && !samePaidAt.get(0).paidAt().equals(brief.paidAt())) {
                        flush(samePaidAt, sink);
                    }
                    samePaidAt.add(brief);
                }
                flush(samePaidAt, sink);
            }
        }
    }

    private static void flush(List<Brief> samePaidAt, Sink sink) throws java.io.IOException {
        if (samePaidAt.size() > 1) {
            samePaidAt.sort(Comparator.comparing(Brief::orderNo));
        }
        for (Brief brief : samePaidAt) {
            sink.accept(brief);
        }
        samePaidAt.clear();
    }

    /** The orders of these buyers placed in [from, to), by creation time then order number. */
    public List<Brief> placedBy(String shopId, long from, long to, List<String> buyerIds) throws SQLException {
        List<Brief> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < buyerIds.size(); i += IN_CHUNK) {
                List<String> chunk = buyerIds.subList(i, Math.min(buyerIds.size(), i + IN_CHUNK));
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM orders o"
                        + " WHERE o.shop_id = ? AND o.buyer_id IN (" + "?, ".repeat(chunk.size() - 1) + "?)"
                        + " AND o.created_at >= ? AND o.created_at < ?")) {
                    int p = 1;
                    ps.setString(p++, shopId);
                    for (String id : chunk) {
                        ps.setString(p++, id);
                    }
                    ps.setLong(p++, from);
                    ps.setLong(p, to);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(brief(rs));
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong(Brief::createdAt).thenComparing(Brief::orderNo));
        return found;
    }

    private static Brief brief(ResultSet rs) throws SQLException {
        long paid = rs.getLong(5);
        Long paidAt = rs.wasNull() ? null : paid;
        return new Brief(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), paidAt, rs.getBigDecimal(6));
    }
}
