package storeops.order.cod.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import storeops.common.problem.ProblemException;
import storeops.order.cod.domain.CodDelivery;
import storeops.order.cod.domain.CodDestination;
import storeops.order.cod.domain.CodStatus;
import storeops.order.cod.rest.CodCommand;
import storeops.order.cod.rest.CodPayload;
import storeops.order.cod.rest.CodView;
import storeops.order.domain.Actor;
import storeops.order.domain.Order;
import storeops.order.repository.DirtyDays;
import storeops.order.repository.OrderRepository;

/**
 * Cash on delivery (货到付款): mainland destinations only, confirmed with the buyer before it may
 * ship. The confirmation moves the trade to WAIT_SELLER_SEND_GOODS (the only state that ships);
 * signing for the parcel is the trade's own {@code sign} command (TRADE_BUYER_SIGNED).
 */
@ApplicationScoped
public class CodService {

    private final EntityManager em;
    private final OrderRepository orders;
    private final Clock clock;
    private final DirtyDays dirtyDays;

    public CodService(EntityManager em, OrderRepository orders, Clock clock, DirtyDays dirtyDays) {
        this.em = em;
        this.orders = orders;
        this.clock = clock;
        this.dirtyDays = dirtyDays;
    }

    @Transactional
    public CodView register(String shopId, String orderNo, CodPayload p) {
        CodDestination.check(p.country(), p.region());
        Order order = codOrder(shopId, orderNo);
        dirtyDays.unchanged(shopId); // a destination is no figure's and no join's
        String country = p.country() == null ? "CN" : p.country().strip().toUpperCase(Locale.ROOT);
        String region = p.region().strip();
        CodDelivery d = find(shopId, orderNo).orElse(null);
        if (d == null) {
            d = new CodDelivery();
            d.shopId = shopId;
            d.orderNo = orderNo;
            d.country = country;
            d.region = region;
            d.status = CodStatus.AWAITING_CONFIRMATION;
            d.registeredAt = p.at() == null ? clock.instant() : p.at();
            em.persist(d);
        } else if (!country.equals(d.country) || !region.equals(d.region)) {
            if (!order.status.isBeforeShipment()) {
                throw ProblemException.conflict("Order " + orderNo + " has shipped: its destination cannot change");
            }
            d.redirect(country, region);
        }
        return CodView.of(d, order.status);
    }

    /** The buyer confirmed (by phone or chat): the order may now ship. */
    @Transactional
    public CodView confirm(String shopId, String orderNo, CodCommand c, String actor) {
        Order order = codOrder(shopId, orderNo);
        CodDelivery d = find(shopId, orderNo).orElseThrow(() -> ProblemException.conflict("Order " + orderNo
                + " has no cash-on-delivery destination yet: PUT .../orders/" + orderNo + "/cod first"));
        CodDestination.check(d.country, d.region);
        Instant at = c.at() == null ? clock.instant() : c.at();
        d.confirm(at, actor, c.note());
        order.confirmCod(at, Actor.SELLER);
        dirtyDays.changed(shopId, List.of(order));
        return CodView.of(d, order.status);
    }

    public CodView get(String shopId, String orderNo) {
        Order order = codOrder(shopId, orderNo);
        return find(shopId, orderNo).map(d -> CodView.of(d, order.status))
                .orElse(new CodView(order.orderNo, order.status, null, null, CodStatus.AWAITING_CONFIRMATION, false,
                        null, null, null, null));
    }

    private Optional<CodDelivery> find(String shopId, String orderNo) {
        return Optional.ofNullable(em.find(CodDelivery.class, new Order.Key(shopId, orderNo)));
    }

    private Order codOrder(String shopId, String orderNo) {
        Order order = orders.find(shopId, orderNo)
                .orElseThrow(() -> ProblemException.notFound("No order " + orderNo + " in shop " + shopId));
        if (!order.cod) {
            throw ProblemException.conflict("Order " + orderNo + " is not a cash-on-delivery order");
        }
        return order;
    }
}
