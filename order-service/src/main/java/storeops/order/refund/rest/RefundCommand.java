package storeops.order.refund.rest;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import storeops.order.refund.domain.GoodsCondition;

/**
 * The data of a refund command. {@code at} defaults to now; {@code return-shipped} needs the
 * carrier and tracking number; {@code receive} may record the goods' condition.
 */
public record RefundCommand(
        Instant at,
        @Size(max = 64) String carrier,
        @Size(max = 64) String trackingNo,
        Boolean packagingIntact,
        Boolean tagsIntact,
        Boolean accessoriesComplete,
        Boolean resellable,
        Boolean qualityProblem) {

    public static final RefundCommand NOW = new RefundCommand(null, null, null, null, null, null, null, null);

    public GoodsCondition condition() {
        return new GoodsCondition(packagingIntact, tagsIntact, accessoriesComplete, resellable, qualityProblem);
    }
}
