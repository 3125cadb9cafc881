package storeops.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import storeops.order.domain.Order;
import storeops.order.domain.OrderLine;
import storeops.order.repository.OrderRepository;
import storeops.order.rest.OrderPayload;
import storeops.order.rest.UpsertResult;
import storeops.order.rest.UpsertResult.Outcome;

/** ERP and platform updates: idempotent, and an update older than the stored one changes nothing. */
@ApplicationScoped
public class OrderSyncService {

    private final OrderRepository orders;

    public OrderSyncService(OrderRepository orders) {
        this.orders = orders;
    }

    @Transactional
    public UpsertResult upsert(String shopId, String orderNo, OrderPayload payload) {
        var existing = orders.find(shopId, orderNo);
        if (existing.isEmpty()) {
            Order order = new Order();
            order.shopId = shopId;
            order.orderNo = orderNo;
            apply(order, payload);
            orders.persist(order);
            return new UpsertResult(orderNo, Outcome.CREATED, null);
        }
        Order order = existing.get();
        if (payload.modifiedAt().isBefore(order.modifiedAt)) {
            return new UpsertResult(orderNo, Outcome.STALE,
                    "modifiedAt " + payload.modifiedAt() + " is older than the stored " + order.modifiedAt);
        }
        if (sameAs(order, payload)) {
            return new UpsertResult(orderNo, Outcome.UNCHANGED, null);
        }
        apply(order, payload);
        return new UpsertResult(orderNo, Outcome.UPDATED, null);
    }

    private static void apply(Order order, OrderPayload p) {
        order.buyerId = p.buyerId();
        order.terminal = p.terminal();
        order.status = p.status();
        order.createdAt = p.createdAt();
        order.paidAt = p.paidAt();
        order.depositPaidAt = p.depositPaidAt();
        order.shippedAt = p.shippedAt();
        order.finishedAt = p.finishedAt();
        order.closedAt = p.closedAt();
        order.presale = p.presale();
        order.cod = p.cod();
        order.freeShipping = p.freeShipping();
        order.freight = p.freight() == null ? BigDecimal.ZERO : p.freight();
        order.shippingPromiseHours = p.shippingPromiseHours();
        order.modifiedAt = p.modifiedAt();
        order.replaceLines(p.lines().stream().map(OrderSyncService::line).toList());
    }

    private static OrderLine line(OrderPayload.Line l) {
        OrderLine line = new OrderLine();
        line.lineNo = l.lineNo();
        line.productId = l.productId();
        line.skuId = l.skuId();
        line.quantity = l.quantity();
        line.price = l.price();
        line.payment = l.payment();
        return line;
    }

    private static boolean sameAs(Order o, OrderPayload p) {
        List<OrderLine> lines = o.lines;
        return o.modifiedAt.equals(p.modifiedAt()) && o.status == p.status()
                && Objects.equals(o.paidAt, p.paidAt()) && lines.size() == p.lines().size();
    }
}
