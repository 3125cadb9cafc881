package storeops.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** The gateway's own settings (prefix {@code storeops.gateway}). */
@ConfigMapping(prefix = "storeops.gateway")
public interface GatewayConfig {

    /** The longest a composed KPI answer waits for the services; what has not come by then is missing. */
    @WithDefault("1500ms")
    Duration answerWithin();

    /** kpi/daily joins day by day and may take longer than one answer. */
    @WithDefault("20s")
    Duration dailyAnswerWithin();

    /** How many days kpi/daily joins at the same time. */
    @WithDefault("4")
    int dailyConcurrency();

    /**
     * How much of the complete composed answers (per shop, period and kind) is kept for reuse while
     * the services' data versions stand still, counted in periods' worth of keys: an overview or a
     * funnel counts one, a daily sheet one per day. 0 composes every answer afresh.
     */
    @WithDefault("2000")
    int keptAnswers();

    /**
     * How many parts of compositions (one period's metrics of a service, funnel, inquiries,
     * channel ROI) are kept, each while the versions of the days it reads stand still, so that an
     * answer composed again after a write takes the parts the write did not touch. An overview of
     * 30 days keeps about 130 (its two periods' inquiries and attributed payments per day, a few
     * hundred bytes each), so this holds some 150 overviews' parts.
     */
    @WithDefault("20000")
    int keptParts();

    /**
     * How long an answer that came partial goes on being composed in the background (and each join
     * call may take), so that the complete answer is kept for the next reader.
     */
    @WithDefault("30s")
    Duration keepWithin();

    Alerts alerts();

    interface Alerts {
        /** Paid, unshipped orders whose shipping deadline falls within these hours. */
        @WithDefault("24")
        int shippingWithinHours();

        /** Unpaid orders closing within these minutes. */
        @WithDefault("120")
        int paymentClosingWithinMinutes();

        /** Tickets whose SLA deadline falls within these hours. */
        @WithDefault("4")
        int ticketsDueWithinHours();

        /** Invoice requests open for longer than these hours (the seller must never drop one). */
        @WithDefault("24")
        int invoicesOpenOlderThanHours();

        /** A DSR dimension below this target is an alert. */
        @WithDefault("4.8")
        BigDecimal dsrTarget();
    }
}
