package storeops.order.refund.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Refund and return settings (storeops.order.refund.*). */
@ConfigMapping(prefix = "storeops.order.refund")
public interface RefundConfig {

    /** The seven-day no-reason return window (七天无理由), counted from the buyer signing for the goods. */
    @WithDefault("P7D")
    Duration noReasonReturnWindow();
}
