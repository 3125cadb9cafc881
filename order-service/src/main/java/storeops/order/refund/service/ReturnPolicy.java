package storeops.order.refund.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import storeops.order.domain.Order;
import storeops.order.refund.config.RefundConfig;
import storeops.order.refund.domain.FreightResponsibility;
import storeops.order.refund.domain.GoodsCondition;
import storeops.order.refund.domain.ReturnEligibility;
import storeops.order.refund.domain.ReturnEligibility.Code;
import storeops.order.refund.domain.ReturnEligibility.Reason;

/** The seven-day no-reason return rule (七天无理由退换货, rules.md). */
@ApplicationScoped
public class ReturnPolicy {

    private final RefundConfig config;

    public ReturnPolicy(RefundConfig config) {
        this.config = config;
    }

    /**
     * When the buyer signed for the goods: a cash-on-delivery order is paid at signing (its
     * {@code paidAt}); any other order at the latest when the buyer confirmed receipt ({@code finishedAt}).
     */
    public static Instant signedAt(Order order) {
        return order.cod ? order.paidAt : order.finishedAt;
    }

    public Instant windowEnd(Order order) {
        Instant signed = signedAt(order);
        return signed == null ? null : signed.plus(config.noReasonReturnWindow());
    }

    public ReturnEligibility evaluate(Order order, Instant at, GoodsCondition condition) {
        List<Reason> reasons = new ArrayList<>();
        Instant signed = signedAt(order);
        Instant end = windowEnd(order);
        if (signed == null) {
            reasons.add(new Reason(Code.NOT_SIGNED,
                    "the buyer has not signed for the goods yet: the seven days start at signing"));
        } else if (at.isAfter(end)) {
            reasons.add(new Reason(Code.WINDOW_ENDED, "the window of " + config.noReasonReturnWindow().toDays()
                    + " days after signing at " + signed + " ended at " + end));
        }
        // a quality problem is the seller's fault: the condition of the goods does not count then
        if (!condition.hasQualityProblem()) {
            if (Boolean.FALSE.equals(condition.packagingIntact())) {
                reasons.add(new Reason(Code.PACKAGING_NOT_INTACT, "the goods or their packaging are not intact"));
            }
            if (Boolean.FALSE.equals(condition.tagsIntact())) {
                reasons.add(new Reason(Code.TAGS_NOT_INTACT, "the tags have been removed or damaged"));
            }
            if (Boolean.FALSE.equals(condition.accessoriesComplete())) {
                reasons.add(new Reason(Code.ACCESSORIES_INCOMPLETE,
                        "accessories, invoice or gifts are not complete"));
            }
            if (Boolean.FALSE.equals(condition.resellable())) {
                reasons.add(new Reason(Code.NOT_RESELLABLE, "the goods can no longer be sold"));
            }
        }
        return new ReturnEligibility(reasons.isEmpty(), signed, end, List.copyOf(reasons),
                FreightResponsibility.of(order.freeShipping));
    }
}
