package storeops.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import storeops.order.domain.TradeWindows;

/** The trade's timed rules, defaults of rules.md, each overridable per shop. */
@ConfigMapping(prefix = "storeops.order")
public interface OrderConfig {

    /** How long an order may stay unpaid before it closes. */
    @WithDefault("PT24H")
    Duration payWindow();

    /** How long after shipment an order completes unless confirmed or extended. */
    @WithDefault("P10D")
    Duration receiptWindow();

    /** Payment reminders list unpaid orders closing within this time unless the caller says otherwise. */
    @WithDefault("PT2H")
    Duration reminderWithin();

    /** Orders one job run handles at most, so a run that catches up after downtime stays short. */
    @WithDefault("500")
    int jobBatchSize();

    /**
     * Join answers (buyer sets, paid orders of a period) kept while the shop's data version stands
     * still; a month's paid orders are a few megabytes. 0 computes every answer.
     */
    @WithDefault("16")
    int joinAnswers();

    /**
     * How many buyer and product ids the buyer sets name from memory (about 60 bytes each); past
     * it the shops read longest ago are forgotten and read again when asked.
     */
    @WithDefault("1000000")
    int keptKeyNames();

    Jobs jobs();

    interface Jobs {
        /** How often each replica looks for due orders; {@code off} disables the timer (tests drive the jobs). */
        @WithDefault("60s")
        String every();
    }

    /** Per shop: storeops.order.shops."shop-1".pay-window=PT12H */
    Map<String, ShopOverrides> shops();

    interface ShopOverrides {
        Optional<Duration> payWindow();

        Optional<Duration> receiptWindow();
    }

    default TradeWindows windowsOf(String shopId) {
        ShopOverrides shop = shops().get(shopId);
        if (shop == null) {
            return new TradeWindows(payWindow(), receiptWindow());
        }
        return new TradeWindows(shop.payWindow().orElse(payWindow()), shop.receiptWindow().orElse(receiptWindow()));
    }
}
