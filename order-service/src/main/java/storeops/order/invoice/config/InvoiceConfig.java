package storeops.order.invoice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Invoice settings (storeops.order.invoice.*). */
@ConfigMapping(prefix = "storeops.order.invoice")
public interface InvoiceConfig {

    /** Open requests older than this are listed when the caller names no age (the desk's invoice SLA). */
    @WithDefault("72")
    int openAlertHours();
}
