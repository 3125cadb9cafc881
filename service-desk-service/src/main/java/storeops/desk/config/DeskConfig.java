package storeops.desk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import storeops.desk.domain.TicketType;

/** The desk's settings; the defaults are the ones rules.md gives. */
@ConfigMapping(prefix = "storeops.desk")
public interface DeskConfig {

    Sla sla();

    /** A round answered within this many seconds counts for the three-minute response rate. */
    @WithDefault("180")
    int responseTargetSeconds();

    /** DSR on day D averages the scores of D-(window-1) .. D. */
    @WithDefault("180")
    int dsrWindowDays();

    /** A composite rating below this marks a low-score buyer and opens a bad-review ticket. */
    @WithDefault("4")
    double lowScoreBelow();

    Jobs jobs();

    interface Jobs {
        /** How often each replica looks for SLA deadlines that passed; {@code off} disables the timer (tests drive it). */
        @WithDefault("60s")
        String every();
    }

    /** SLA hours per ticket type (rules.md, counting rules). */
    interface Sla {
        @WithDefault("24")
        int complaintHours();

        @WithDefault("24")
        int afterSaleHours();

        @WithDefault("24")
        int disputeHours();

        @WithDefault("72")
        int invoiceHours();

        @WithDefault("24")
        int addressChangeHours();

        @WithDefault("24")
        int badReviewHours();

        default int hours(TicketType type) {
            return switch (type) {
                case COMPLAINT -> complaintHours();
                case AFTER_SALE -> afterSaleHours();
                case DISPUTE -> disputeHours();
                case INVOICE -> invoiceHours();
                case ADDRESS_CHANGE -> addressChangeHours();
                case BAD_REVIEW -> badReviewHours();
            };
        }
    }
}
