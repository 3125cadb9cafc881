package storeops.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import storeops.common.problem.ProblemException;
import storeops.order.config.OrderConfig;
import storeops.order.domain.Actor;
import storeops.order.domain.MemoFlag;
import storeops.order.domain.Order;
import storeops.order.domain.OrderStatusChange;
import storeops.order.domain.TradeWindows;
import storeops.order.repository.DirtyDays;
import storeops.order.repository.OrderRepository;

/**
 * The lifecycle as commands. Each loads the order, lets the domain decide, and flushes inside the
 * command so that a concurrent change of the same order (its {@code @Version}) is a 409 here.
 */
@ApplicationScoped
public class OrderLifecycleService {

    private final OrderRepository orders;
    private final OrderConfig config;
    private final Clock clock;
    private final EntityManager em;
    private final DirtyDays dirtyDays;

    public OrderLifecycleService(OrderRepository orders, OrderConfig config, Clock clock, EntityManager em,
            DirtyDays dirtyDays) {
        this.orders = orders;
        this.config = config;
        this.clock = clock;
        this.em = em;
        this.dirtyDays = dirtyDays;
    }

    /** The command's own time, or now. */
    public Instant timeOf(Instant at) {
        return at != null ? at : clock.instant();
    }

    @Transactional
    public Order pay(String shopId, String orderNo, Instant at) {
        return change(shopId, orderNo, (o, w) -> o.pay(timeOf(at), Actor.BUYER));
    }

    @Transactional
    public Order payDeposit(String shopId, String orderNo, Instant at) {
        return change(shopId, orderNo, (o, w) -> o.payDeposit(timeOf(at), Actor.BUYER));
    }

    @Transactional
    public Order confirmCod(String shopId, String orderNo, Instant at) {
        return change(shopId, orderNo, (o, w) -> o.confirmCod(timeOf(at), Actor.SELLER));
    }

    @Transactional
    public Order ship(String shopId, String orderNo, Instant at) {
        return change(shopId, orderNo, (o, w) -> o.ship(timeOf(at), Actor.SELLER, w));
    }

    @Transactional
    public Order shipPart(String shopId, String orderNo, List<Integer> lineNos, Instant at) {
        return change(shopId, orderNo, (o, w) -> o.shipPart(lineNos, timeOf(at), Actor.SELLER, w));
    }

    @Transactional
    public Order confirm(String shopId, String orderNo, Instant at) {
        return change(shopId, orderNo, (o, w) -> o.confirmReceipt(timeOf(at), Actor.BUYER));
    }

    @Transactional
    public Order extendReceipt(String shopId, String orderNo, Actor by, int days, Instant at) {
        return change(shopId, orderNo, (o, w) -> o.extendReceipt(by == null ? Actor.SELLER : by, days, timeOf(at)));
    }

    @Transactional
    public Order sign(String shopId, String orderNo, Instant at) {
        return change(shopId, orderNo, (o, w) -> o.signForCod(timeOf(at), Actor.BUYER));
    }

    @Transactional
    public Order close(String shopId, String orderNo, Instant at, String reason) {
        return change(shopId, orderNo, (o, w) -> o.close(timeOf(at), Actor.SELLER, reason));
    }

    @Transactional
    public Order cancel(String shopId, String orderNo, Instant at, String reason) {
        return change(shopId, orderNo, (o, w) -> o.cancel(timeOf(at), Actor.BUYER, reason));
    }

    @Transactional
    public Order changeAddress(String shopId, String orderNo, String buyerId, String name, String phone,
            String address, Instant at) {
        return change(shopId, orderNo, (o, w) -> o.changeAddress(buyerId, name, phone, address, timeOf(at)));
    }

    @Transactional
    public Order markMemo(String shopId, String orderNo, MemoFlag flag, String note, String by, Instant at) {
        return change(shopId, orderNo, (o, w) -> o.markMemo(flag, note, by, timeOf(at)));
    }

    @Transactional
    public List<OrderStatusChange> history(String shopId, String orderNo) {
        Order order = load(shopId, orderNo);
        return List.copyOf(order.history);
    }

    public Order load(String shopId, String orderNo) {
        return orders.find(shopId, orderNo)
                .orElseThrow(() -> ProblemException.notFound("No order " + orderNo + " in shop " + shopId));
    }

    private Order change(String shopId, String orderNo, BiConsumer<Order, TradeWindows> event) {
        Order order = load(shopId, orderNo);
        event.accept(order, config.windowsOf(shopId));
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("Order " + orderNo + " was changed concurrently; read it again");
        }
        // after the versioned update: a payment, shipment or COD signing moves the order into a day's figures
        dirtyDays.changed(shopId, List.of(order));
        return order;
    }
}
