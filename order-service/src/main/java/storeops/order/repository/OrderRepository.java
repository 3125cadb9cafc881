package storeops.order.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import storeops.order.domain.Order;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, Order.Key> {

    public Optional<Order> find(String shopId, String orderNo) {
        return findByIdOptional(new Order.Key(shopId, orderNo));
    }

    /** The stored orders among these numbers, lines fetched in the same query (a sync batch looks them up at once). */
    public Map<String, Order> findAll(String shopId, Collection<String> orderNos) {
        Map<String, Order> found = new HashMap<>();
        if (orderNos.isEmpty()) {
            return found;
        }
        List<Order> orders = getEntityManager()
                .createQuery("select distinct o from Order o left join fetch o.lines"
                        + " where o.shopId = :shop and o.orderNo in :nos", Order.class)
                .setParameter("shop", shopId).setParameter("nos", orderNos).getResultList();
        orders.forEach(o -> found.put(o.orderNo, o));
        return found;
    }

    /** Orders by modification time, oldest first, so an ERP pulls increments page by page. */
    public List<Order> modifiedSince(String shopId, java.time.Instant since, String buyerId, int page, int size) {
        String jpql = "from Order o where o.shopId = ?1 and o.modifiedAt >= ?2"
                + (buyerId == null ? "" : " and o.buyerId = ?3") + " order by o.modifiedAt, o.orderNo";
        var query = buyerId == null ? find(jpql, shopId, since) : find(jpql, shopId, since, buyerId);
        return query.page(page, size).list();
    }
}
