package storeops.order.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import storeops.order.domain.Order;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, Order.Key> {

    public Optional<Order> find(String shopId, String orderNo) {
        return findByIdOptional(new Order.Key(shopId, orderNo));
    }
}
