package storeops.gateway.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The gateway's conversion rates: one owner's buyers over the traffic owner's visitors. Each is
 * computed only when both of its inputs answered; otherwise the key stays absent (and missing).
 */
public final class CrossServiceRatios {

    record Definition(String key, String numerator, String denominator) {
    }

    static final List<Definition> DEFINITIONS = List.of(
            new Definition("orderConversionRate", "orderBuyers", "visitors"),
            new Definition("paymentConversionRate", "paidBuyers", "visitors"),
            new Definition("pcOrderConversionRate", "pcOrderBuyers", "pcVisitors"),
            new Definition("pcPaymentConversionRate", "pcPaidBuyers", "pcVisitors"),
            new Definition("wirelessOrderConversionRate", "wirelessOrderBuyers", "wirelessVisitors"),
            new Definition("wirelessPaymentConversionRate", "wirelessPaidBuyers", "wirelessVisitors"),
            new Definition("taobaoAppPaymentConversionRate", "taobaoAppPaidBuyers", "taobaoAppVisitors"),
            new Definition("tmallAppPaymentConversionRate", "tmallAppPaidBuyers", "tmallAppVisitors"),
            new Definition("wapPaymentConversionRate", "wapPaidBuyers", "wapVisitors"),
            new Definition("detailPagePaymentConversionRate", "paidBuyers", "detailPageVisitors"));

    private CrossServiceRatios() {
    }

    /** Adds every ratio whose numerator and denominator are both in {@code owners}. */
    public static void addTo(Map<String, BigDecimal> owners, Map<String, BigDecimal> into) {
        for (Definition d : DEFINITIONS) {
            if (owners.containsKey(d.numerator()) && owners.containsKey(d.denominator())) {
                into.put(d.key(), Ratio.of(owners.get(d.numerator()), owners.get(d.denominator())));
            }
        }
    }
}
