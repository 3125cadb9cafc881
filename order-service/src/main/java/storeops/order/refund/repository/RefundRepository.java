package storeops.order.refund.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import storeops.order.refund.domain.Refund;
import storeops.order.refund.domain.RefundStatusChange;

@ApplicationScoped
public class RefundRepository implements PanacheRepositoryBase<Refund, Refund.Key> {

    public Optional<Refund> find(String shopId, String refundId) {
        return findByIdOptional(new Refund.Key(shopId, refundId));
    }

    public List<Refund> ofOrder(String shopId, String orderNo) {
        return list("shopId = ?1 and orderNo = ?2 order by appliedAt, refundId", shopId, orderNo);
    }

    public List<Refund> ofOrders(String shopId, Collection<String> orderNos) {
        if (orderNos.isEmpty()) {
            return List.of();
        }
        return list("shopId = ?1 and orderNo in ?2", shopId, orderNos);
    }

    public void record(RefundStatusChange change) {
        getEntityManager().persist(change);
    }

    public List<RefundStatusChange> history(String shopId, String refundId) {
        return getEntityManager().createQuery(
                "from RefundStatusChange where shopId = ?1 and refundId = ?2 order by id", RefundStatusChange.class)
                .setParameter(1, shopId).setParameter(2, refundId).getResultList();
    }
}
