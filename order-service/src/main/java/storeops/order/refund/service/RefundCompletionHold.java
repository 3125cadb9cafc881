package storeops.order.refund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import storeops.order.service.CompletionHold;

/** A refund in progress pauses the automatic completion of its order (rules.md). */
@ApplicationScoped
public class RefundCompletionHold implements CompletionHold {

    private static final int CHUNK = 1000;

    private final EntityManager em;

    public RefundCompletionHold(EntityManager em) {
        this.em = em;
    }

    /** Its own read transaction: the jobs ask from worker threads that carry neither a transaction nor a request. */
    @Override
    @Transactional
    public Set<String> heldOrders(String shopId, Collection<String> orderNos) {
        Set<String> held = new HashSet<>();
        List<String> all = List.copyOf(orderNos);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<?> rows = em.createNativeQuery("SELECT DISTINCT order_no FROM refunds WHERE shop_id = :shop"
                    + " AND order_no IN (:orders) AND status NOT IN ('SUCCESS', 'CLOSED')")
                    .setParameter("shop", shopId).setParameter("orders", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .getResultList();
            rows.forEach(r -> held.add((String) r));
        }
        return held;
    }
}
