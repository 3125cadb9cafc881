package storeops.order.refund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import storeops.order.domain.Actor;
import storeops.order.domain.Order;
import storeops.order.domain.OrderStatus;
import storeops.order.refund.repository.RefundRepository;
import storeops.order.repository.DirtyDays;

/** What a successful refund does to its trade (rules.md): a full refund of every line before shipment closes it. */
@ApplicationScoped
public class TradeEffects {

    private final EntityManager em;
    private final RefundRepository refunds;
    private final DirtyDays dirtyDays;

    public TradeEffects(EntityManager em, RefundRepository refunds, DirtyDays dirtyDays) {
        this.em = em;
        this.refunds = refunds;
        this.dirtyDays = dirtyDays;
    }

    void refunded(Order order, Instant at, Actor actor) {
        // bumps the order's version now: two lines refunded at once must not each miss the other's success
        em.lock(order, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (order.status != OrderStatus.WAIT_SELLER_SEND_GOODS || order.shippedAt != null) {
            return;
        }
        if (RefundService.fullyRefunded(order, refunds.ofOrder(order.shopId, order.orderNo))) {
            order.closeByFullRefund(at, actor, "every line refunded before shipment");
            dirtyDays.changed(order.shopId, List.of(order));
        }
    }
}
