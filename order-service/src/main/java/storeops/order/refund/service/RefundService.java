package storeops.order.refund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;
import storeops.common.problem.IllegalTransitionException;
import storeops.common.problem.ProblemException;
import storeops.order.domain.Actor;
import storeops.order.domain.Order;
import storeops.order.domain.OrderLine;
import storeops.order.domain.OrderStatus;
import storeops.order.refund.domain.GoodsCondition;
import storeops.order.refund.domain.Refund;
import storeops.order.refund.domain.RefundPhase;
import storeops.order.refund.domain.RefundReasonCode;
import storeops.order.refund.domain.RefundStatus;
import storeops.order.refund.domain.RefundStatusChange;
import storeops.order.refund.domain.RefundTransition;
import storeops.order.refund.domain.RefundType;
import storeops.order.refund.repository.RefundLedger;
import storeops.order.refund.repository.RefundRepository;
import storeops.order.refund.rest.OrderRefundSummary;
import storeops.order.refund.rest.RefundCommand;
import storeops.order.refund.rest.RefundPayload;
import storeops.order.refund.rest.RefundUpsertResult;
import storeops.order.refund.rest.RefundUpsertResult.Outcome;
import storeops.order.refund.rest.RefundView;
import storeops.order.repository.DirtyDays;
import storeops.order.repository.OrderRepository;

/**
 * Refunds from the platform and the seller's commands, with their effects on the trade: the sum
 * per line stays within its payment, and a full refund of every line before shipment closes it.
 */
@ApplicationScoped
public class RefundService {

    private final RefundRepository refunds;
    private final RefundLedger ledger;
    private final OrderRepository orders;
    private final ReturnPolicy returns;
    private final TradeEffects trade;
    private final Clock clock;
    private final DirtyDays dirtyDays;

    public RefundService(RefundRepository refunds, RefundLedger ledger, OrderRepository orders, ReturnPolicy returns,
            TradeEffects trade, Clock clock, DirtyDays dirtyDays) {
        this.refunds = refunds;
        this.ledger = ledger;
        this.orders = orders;
        this.returns = returns;
        this.trade = trade;
        this.clock = clock;
        this.dirtyDays = dirtyDays;
    }

    @Transactional
    public RefundUpsertResult upsert(String shopId, String refundId, RefundPayload p, String actor) {
        return guarded(refundId, () -> {
            var existing = refunds.find(shopId, refundId);
            return existing.isEmpty() ? create(shopId, refundId, p, actor) : update(existing.get(), p, actor);
        });
    }

    private RefundUpsertResult create(String shopId, String refundId, RefundPayload p, String actor) {
        Order order = paidOrder(shopId, p.orderNo());
        withinPayment(order, p);
        Refund r = new Refund();
        r.shopId = shopId;
        r.refundId = refundId;
        r.orderNo = p.orderNo();
        r.lineNo = p.lineNo();
        r.amount = p.amount();
        r.type = p.type();
        r.reason = p.reason();
        r.reasonCode = p.reasonCode();
        r.phase = p.phase() != null ? p.phase() : phaseOf(order);
        r.status = p.statusOrDefault();
        r.appliedAt = p.appliedAt();
        r.modifiedAt = p.modifiedAtOrDefault();
        if (r.status == RefundStatus.SUCCESS) {
            r.succeededAt = r.modifiedAt;
        } else if (r.status == RefundStatus.CLOSED) {
            r.closedAt = r.modifiedAt;
        }
        if (r.status.holdsAmount()) {
            reserve(r, order, r.amount);
        }
        refunds.persist(r);
        dirtyDays.refundChanged(shopId, order, r.appliedAt);
        record(r, new RefundTransition(null, r.status, "apply"), r.appliedAt, actor, r.reason);
        if (r.status == RefundStatus.SUCCESS) {
            trade.refunded(order, r.modifiedAt, Actor.PLATFORM);
        }
        return new RefundUpsertResult(refundId, Outcome.CREATED, r.status, null);
    }

    private RefundUpsertResult update(Refund r, RefundPayload p, String actor) {
        Instant modifiedAt = p.modifiedAtOrDefault();
        if (modifiedAt.isBefore(r.modifiedAt)) {
            dirtyDays.unchanged(r.shopId);
            return new RefundUpsertResult(r.refundId, Outcome.STALE, r.status,
                    "modifiedAt " + modifiedAt + " is older than the stored " + r.modifiedAt);
        }
        if (!r.orderNo.equals(p.orderNo()) || r.lineNo != p.lineNo()) {
            throw ProblemException.conflict("Refund " + r.refundId + " belongs to line " + r.lineNo + " of order "
                    + r.orderNo + ": a refund never moves to another line");
        }
        if (sameAs(r, p)) {
            dirtyDays.unchanged(r.shopId);
            return new RefundUpsertResult(r.refundId, Outcome.UNCHANGED, r.status, null);
        }
        Order order = paidOrder(r.shopId, r.orderNo);
        withinPayment(order, p);
        RefundStatus target = p.statusOrDefault();
        BigDecimal held = r.status.holdsAmount() ? r.amount : BigDecimal.ZERO;
        BigDecimal holds = target.holdsAmount() ? p.amount() : BigDecimal.ZERO;
        if (target != r.status && !r.status.canReach(target)) {
            throw new IllegalTransitionException("Refund " + r.refundId, r.status, "sync to " + target);
        }
        int change = holds.compareTo(held);
        if (change > 0) {
            reserve(r, order, holds.subtract(held));
        } else if (change < 0) {
            ledger.release(r.shopId, r.orderNo, r.lineNo, held.subtract(holds));
        }
        r.amount = p.amount();
        r.type = p.type();
        r.reason = p.reason();
        r.reasonCode = p.reasonCode();
        if (p.phase() != null) {
            r.phase = p.phase();
        }
        dirtyDays.refundChanged(r.shopId, order, r.appliedAt, p.appliedAt());
        r.appliedAt = p.appliedAt();
        RefundTransition transition = r.syncTo(target, modifiedAt);
        r.modifiedAt = modifiedAt;
        if (transition != null) {
            record(r, transition, modifiedAt, actor, null);
            if (transition.to() == RefundStatus.SUCCESS) {
                trade.refunded(order, modifiedAt, Actor.PLATFORM);
            }
        }
        return new RefundUpsertResult(r.refundId, Outcome.UPDATED, r.status, null);
    }

    @Transactional
    public RefundView agree(String shopId, String refundId, RefundCommand c, String actor) {
        return command(shopId, refundId, c, actor, (r, at) -> r.agree(at));
    }

    @Transactional
    public RefundView refuse(String shopId, String refundId, RefundCommand c, String actor) {
        return command(shopId, refundId, c, actor, (r, at) -> r.refuse(at));
    }

    @Transactional
    public RefundView returnShipped(String shopId, String refundId, RefundCommand c, String actor) {
        if (c.carrier() == null || c.carrier().isBlank()) {
            throw ProblemException.invalidField("carrier", "the return parcel's carrier is required");
        }
        if (c.trackingNo() == null || c.trackingNo().isBlank()) {
            throw ProblemException.invalidField("trackingNo", "the return parcel's tracking number is required");
        }
        return command(shopId, refundId, c, actor, (r, at) -> {
            if (r.reasonCode == RefundReasonCode.NO_REASON_7_DAYS) {
                Order order = orders.find(shopId, r.orderNo).orElseThrow();
                Instant end = returns.windowEnd(order);
                if (end != null && at.isAfter(end)) {
                    throw ProblemException.conflict("A no-reason return must be shipped within the window after the"
                            + " buyer signed at " + ReturnPolicy.signedAt(order) + ", which ended at " + end
                            + "; this return was shipped at " + at);
                }
            }
            return r.returnShipped(at, c.carrier().strip(), c.trackingNo().strip());
        });
    }

    @Transactional
    public RefundView receive(String shopId, String refundId, RefundCommand c, String actor) {
        return command(shopId, refundId, c, actor, (r, at) -> r.receive(at, c.condition()));
    }

    @Transactional
    public RefundView complete(String shopId, String refundId, RefundCommand c, String actor) {
        return command(shopId, refundId, c, actor, (r, at) -> r.complete(at));
    }

    @Transactional
    public RefundView close(String shopId, String refundId, RefundCommand c, String actor) {
        return command(shopId, refundId, c, actor, (r, at) -> r.close(at));
    }

    private RefundView command(String shopId, String refundId, RefundCommand c, String actor,
            BiFunction<Refund, Instant, RefundTransition> event) {
        return guarded(refundId, () -> apply(shopId, refundId, c, actor, event));
    }

    private RefundView apply(String shopId, String refundId, RefundCommand c, String actor,
            BiFunction<Refund, Instant, RefundTransition> event) {
        Refund r = refunds.find(shopId, refundId)
                .orElseThrow(() -> ProblemException.notFound("No refund " + refundId + " in shop " + shopId));
        Instant at = c.at() != null ? c.at() : clock.instant();
        RefundTransition t = event.apply(r, at);
        record(r, t, at, actor, null);
        // a status can decide whether the order was fully refunded before its shipping deadline
        dirtyDays.refundChanged(shopId, orders.find(shopId, r.orderNo).orElseThrow(), r.appliedAt);
        if (t.to() == RefundStatus.CLOSED) {
            ledger.release(shopId, r.orderNo, r.lineNo, r.amount);
        }
        if (t.to() == RefundStatus.SUCCESS && t.from() != RefundStatus.SUCCESS) {
            trade.refunded(orders.find(shopId, r.orderNo).orElseThrow(), at, Actor.SELLER);
        }
        return view(r);
    }

    public RefundView get(String shopId, String refundId) {
        Refund r = refunds.find(shopId, refundId)
                .orElseThrow(() -> ProblemException.notFound("No refund " + refundId + " in shop " + shopId));
        return view(r);
    }

    private RefundView view(Refund r) {
        var eligibility = r.type == RefundType.RETURN_AND_REFUND && r.reasonCode == RefundReasonCode.NO_REASON_7_DAYS
                ? orders.find(r.shopId, r.orderNo).map(o -> returns.evaluate(o,
                        r.returnShippedAt != null ? r.returnShippedAt : r.appliedAt,
                        r.receivedAt != null ? r.condition() : GoodsCondition.UNINSPECTED)).orElse(null)
                : null;
        return RefundView.of(r, eligibility, refunds.history(r.shopId, r.refundId));
    }

    public OrderRefundSummary summary(String shopId, String orderNo) {
        Order order = orders.find(shopId, orderNo)
                .orElseThrow(() -> ProblemException.notFound("No order " + orderNo + " in shop " + shopId));
        List<Refund> all = refunds.ofOrder(shopId, orderNo);
        List<OrderRefundSummary.Line> lines = order.lines.stream().map(l -> {
            BigDecimal refunded = sum(all, l.lineNo, RefundStatus.SUCCESS::equals);
            BigDecimal requested = sum(all, l.lineNo, RefundStatus::inProgress);
            BigDecimal paid = order.paidAt == null ? BigDecimal.ZERO.setScale(2) : l.payment;
            return new OrderRefundSummary.Line(l.lineNo, l.payment, refunded, requested,
                    paid.subtract(refunded).subtract(requested).max(BigDecimal.ZERO.setScale(2)));
        }).toList();
        BigDecimal gross = order.paidAt == null ? BigDecimal.ZERO.setScale(2) : order.goodsAmount;
        BigDecimal refunded = lines.stream().map(OrderRefundSummary.Line::refunded)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new OrderRefundSummary(orderNo, order.status, gross, refunded, gross.subtract(refunded), lines,
                all.stream().map(RefundView::of).toList());
    }

    /** Every line fully refunded: what closes an unshipped trade. */
    static boolean fullyRefunded(Order order, List<Refund> all) {
        return order.lines.stream()
                .allMatch(l -> sum(all, l.lineNo, RefundStatus.SUCCESS::equals).compareTo(l.payment) >= 0);
    }

    static BigDecimal sum(List<Refund> all, int lineNo, java.util.function.Predicate<RefundStatus> which) {
        return all.stream().filter(r -> r.lineNo == lineNo && which.test(r.status)).map(r -> r.amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private void reserve(Refund r, Order order, BigDecimal amount) {
        ledger.open(r.shopId, r.orderNo, r.lineNo);
        if (!ledger.reserve(r.shopId, r.orderNo, r.lineNo, amount)) {
            BigDecimal reserved = ledger.reserved(r.shopId, r.orderNo, r.lineNo);
            throw ProblemException.conflict("Refund " + r.refundId + " of " + amount + " would take line " + r.lineNo
                    + " of order " + r.orderNo + " over its payment of " + lineOf(order, r.lineNo).payment + ": "
                    + reserved + " is already refunded or requested");
        }
    }

    private static void withinPayment(Order order, RefundPayload p) {
        OrderLine line = lineOf(order, p.lineNo());
        if (p.amount().compareTo(line.payment) > 0) {
            throw ProblemException.invalidField("amount", "exceeds the " + line.payment + " paid for line " + p.lineNo());
        }
    }

    private Order paidOrder(String shopId, String orderNo) {
        Order order = orders.find(shopId, orderNo)
                .orElseThrow(() -> ProblemException.notFound("No order " + orderNo + " in shop " + shopId));
        if (order.paidAt == null) {
            throw ProblemException.conflict("Order " + orderNo + " is not paid (" + order.status
                    + "): there is nothing to refund");
        }
        return order;
    }

    private static OrderLine lineOf(Order order, int lineNo) {
        return order.lines.stream().filter(l -> l.lineNo == lineNo).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("lineNo",
                        "order " + order.orderNo + " has no line " + lineNo));
    }

    private static RefundPhase phaseOf(Order order) {
        boolean received = order.finishedAt != null || order.status == OrderStatus.TRADE_FINISHED
                || order.status == OrderStatus.TRADE_BUYER_SIGNED;
        return received ? RefundPhase.AFTER_SALE : RefundPhase.IN_SALE;
    }

    private static boolean sameAs(Refund r, RefundPayload p) {
        return r.amount.compareTo(p.amount()) == 0 && r.type == p.type() && Objects.equals(r.reason, p.reason())
                && r.reasonCode == p.reasonCode() && (p.phase() == null || r.phase == p.phase())
                && r.status == p.statusOrDefault() && r.appliedAt.equals(p.appliedAt())
                && r.modifiedAt.equals(p.modifiedAtOrDefault());
    }

    private void record(Refund r, RefundTransition t, Instant at, String actor, String detail) {
        RefundStatusChange change = new RefundStatusChange();
        change.shopId = r.shopId;
        change.refundId = r.refundId;
        change.fromStatus = t.from();
        change.toStatus = t.to();
        change.event = t.event();
        change.at = at;
        change.actor = actor;
        change.detail = detail;
        refunds.record(change);
    }

    /**
     * Surfaces a lost race as a 409 inside the transaction, rather than as a failed commit: a
     * concurrent insert of the same refund id, or a concurrent change of the refund or its order.
     */
    private <T> T guarded(String refundId, Supplier<T> work) {
        try {
            T result = work.get();
            refunds.flush();
            return result;
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("Refund " + refundId + " or its order changed concurrently; read it again");
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw ProblemException.conflict("Refund " + refundId + " was written concurrently; send it again");
            }
            throw e;
        }
    }
}
