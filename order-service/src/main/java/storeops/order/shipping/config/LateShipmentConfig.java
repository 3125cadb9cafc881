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
     * How far before a period the metric looks for payments whose deadline falls in it: orders
     * promising more hours than this (or than the default) are not found by the period's metric.
     */
    @WithDefault("720")
    int lookbackHours();
}
