package storeops.order.shipping.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** Late shipment (延迟发货) settings (storeops.order.late-shipment.*). */
@ConfigMapping(prefix = "storeops.order.late-shipment")
public interface LateShipmentConfig {

    /** Hours after payment within which an order ships, unless it promises its own. */
    @WithDefault("72")
    int defaultPromiseHours();

    /** The share of the goods amount owed as compensation. */
    @WithDefault("0.30")
    BigDecimal rate();

    /** The most owed for one order, in yuan. */
    @WithDefault("500.00")
    BigDecimal cap();

    /**
     * No longer used: the metric once looked this far before a period for payments whose deadline
     * falls in it; the per-payment-day figures find every order, whatever it promises. Kept so
     * that deployments setting it still start.
     */
    @WithDefault("720")
    int lookbackHours();
}
