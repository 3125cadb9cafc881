package storeops.order.shipping.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import storeops.common.time.ShopCalendar;
import storeops.order.domain.OrderStatus;
import storeops.order.shipping.config.LateShipmentConfig;
import storeops.order.shipping.domain.LateShipmentLiability;
import storeops.order.shipping.domain.LateShipmentLiability.Basis;
import storeops.order.shipping.domain.ShipmentFacts;
import storeops.order.shipping.domain.ShipmentFacts.RefundFact;

/** The late-shipment counting rule of rules.md, decided for one order at one moment. */
@ApplicationScoped
public class LateShipmentPolicy {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final LateShipmentConfig config;
    private final ShopCalendar calendar;

    public LateShipmentPolicy(LateShipmentConfig config, ShopCalendar calendar) {
        this.config = config;
        this.calendar = calendar;
    }

    public int promiseHours(Integer ordered) {
        return ordered != null ? ordered : config.defaultPromiseHours();
    }

    /** min(rate x goods amount, cap). */
    public BigDecimal compensation(BigDecimal goodsAmount) {
        return goodsAmount.multiply(config.rate()).min(config.cap()).setScale(2, RoundingMode.HALF_UP);
    }

    public LateShipmentLiability decide(String shopId, ShipmentFacts o, Instant now) {
        int hours = promiseHours(o.promiseHours());
        if (o.paidAt() == null) {
            return new LateShipmentLiability(o.orderNo(), null, hours, null, o.shippedAt(), Basis.NONE, ZERO, null,
                    "not paid: no shipping deadline");
        }
        Instant deadline = o.paidAt().plus(Duration.ofHours(hours));
        Instant ended = endedAt(o);
        boolean endedInTime = ended != null && ended.isBefore(deadline);
        boolean late = !endedInTime && (o.shippedAt() != null ? o.shippedAt().isAfter(deadline) : now.isAfter(deadline));
        if (late) {
            return new LateShipmentLiability(o.orderNo(), o.paidAt(), hours, deadline, o.shippedAt(),
                    Basis.LATE_SHIPMENT, compensation(o.goodsAmount()), calendar.dayOf(shopId, deadline),
                    o.shippedAt() != null ? "shipped at " + o.shippedAt() + ", after the deadline " + deadline
                            : "not shipped by the deadline " + deadline);
        }
        Optional<RefundFact> stock = o.refunds().stream()
                .filter(r -> "OUT_OF_STOCK".equals(r.reasonCode()) || "NOT_SHIPPED_IN_TIME".equals(r.reasonCode()))
                .min(Comparator.comparing(RefundFact::appliedAt));
        if (stock.isPresent()) {
            return new LateShipmentLiability(o.orderNo(), o.paidAt(), hours, deadline, o.shippedAt(),
                    Basis.REFUND_REASON, compensation(o.goodsAmount()), calendar.dayOf(shopId, stock.get().appliedAt()),
                    "a refund for " + stock.get().reasonCode() + " was applied for at " + stock.get().appliedAt());
        }
        String why = endedInTime ? "closed or fully refunded at " + ended + ", before the deadline " + deadline
                : o.shippedAt() != null ? "shipped at " + o.shippedAt() + ", in time for the deadline " + deadline
                : "the deadline " + deadline + " has not passed";
        return new LateShipmentLiability(o.orderNo(), o.paidAt(), hours, deadline, o.shippedAt(), Basis.NONE, ZERO,
                null, why);
    }

    /**
     * Whether the decision still depends on the time it is made: paid, unshipped and not ended
     * before the deadline, the order owes once its deadline has passed (and perhaps on a stock
     * refund's day before that); every other decision is the same at any time.
     */
    public boolean open(ShipmentFacts o) {
        if (o.paidAt() == null || o.shippedAt() != null) {
            return false;
        }
        Instant ended = endedAt(o);
        return ended == null || !ended.isBefore(deadline(o));
    }

    public Instant deadline(ShipmentFacts o) {
        return deadline(o.paidAt(), o.promiseHours());
    }

    /** The shipping deadline of an order paid at {@code paidAt} with its own promise (null: the default). */
    public Instant deadline(Instant paidAt, Integer promiseHours) {
        return paidAt.plus(Duration.ofHours(promiseHours(promiseHours)));
    }

    /** When the trade ended without shipping: closed, or every yuan refunded (the last refund's time). */
    private static Instant endedAt(ShipmentFacts o) {
        if (o.closedAt() != null && (o.status() == OrderStatus.TRADE_CLOSED
                || o.status() == OrderStatus.TRADE_CLOSED_BY_TAOBAO)) {
            return o.closedAt();
        }
        BigDecimal refunded = o.refunds().stream().filter(RefundFact::succeeded).map(RefundFact::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (o.goodsAmount().signum() > 0 && refunded.compareTo(o.goodsAmount()) >= 0) {
            return o.refunds().stream().filter(RefundFact::succeeded).map(RefundFact::succeededAt)
                    .max(Comparator.naturalOrder()).orElse(null);
        }
        return null;
    }
}
