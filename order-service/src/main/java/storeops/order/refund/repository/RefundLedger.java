package storeops.order.refund.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;

/**
 * What is requested or refunded per child order. A reservation is one conditional UPDATE that
 * compares against the line's payment, so two concurrent applications cannot both pass: the
 * second waits for the first's row lock and re-reads the committed sum.
 */
@ApplicationScoped
public class RefundLedger {

    private final EntityManager em;

    public RefundLedger(EntityManager em) {
        this.em = em;
    }

    /**
     * Creates the line's row in its own short transaction: inserting it inside the reserving
     * transaction would let concurrent applications deadlock on the shared locks of INSERT IGNORE.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(String shopId, String orderNo, int lineNo) {
        em.createNativeQuery("INSERT IGNORE INTO refund_line_totals (shop_id, order_no, line_no, reserved)"
                + " VALUES (:shop, :order, :line, 0)")
                .setParameter("shop", shopId).setParameter("order", orderNo).setParameter("line", lineNo)
                .executeUpdate();
    }

    /** Adds the amount if the line's total stays within its payment; false when it would not. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reserve(String shopId, String orderNo, int lineNo, BigDecimal amount) {
        return em.createNativeQuery("UPDATE refund_line_totals t SET t.reserved = t.reserved + :amount"
                + " WHERE t.shop_id = :shop AND t.order_no = :order AND t.line_no = :line"
                + " AND t.reserved + :amount <= (SELECT l.payment FROM order_lines l"
                + "   WHERE l.shop_id = :shop AND l.order_no = :order AND l.line_no = :line)")
                .setParameter("amount", amount).setParameter("shop", shopId).setParameter("order", orderNo)
                .setParameter("line", lineNo).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String shopId, String orderNo, int lineNo, BigDecimal amount) {
        em.createNativeQuery("UPDATE refund_line_totals SET reserved = reserved - :amount"
                + " WHERE shop_id = :shop AND order_no = :order AND line_no = :line")
                .setParameter("amount", amount).setParameter("shop", shopId).setParameter("order", orderNo)
                .setParameter("line", lineNo).executeUpdate();
    }

    public BigDecimal reserved(String shopId, String orderNo, int lineNo) {
        var rows = em.createNativeQuery("SELECT reserved FROM refund_line_totals"
                + " WHERE shop_id = :shop AND order_no = :order AND line_no = :line")
                .setParameter("shop", shopId).setParameter("order", orderNo).setParameter("line", lineNo)
                .getResultList();
        return rows.isEmpty() ? BigDecimal.ZERO.setScale(2) : (BigDecimal) rows.get(0);
    }
}
