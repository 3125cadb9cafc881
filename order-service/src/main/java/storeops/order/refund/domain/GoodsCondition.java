package storeops.order.refund.domain;

/**
 * The state of returned goods as the seven-day no-reason rule judges it. A null flag was not
 * inspected and is taken as intact: only a condition somebody saw counts against the buyer.
 */
public record GoodsCondition(Boolean packagingIntact, Boolean tagsIntact, Boolean accessoriesComplete,
        Boolean resellable, Boolean qualityProblem) {

    public static final GoodsCondition UNINSPECTED = new GoodsCondition(null, null, null, null, null);

    public boolean hasQualityProblem() {
        return Boolean.TRUE.equals(qualityProblem);
    }
}
