package storeops.gateway.service;

import java.time.LocalDate;
import storeops.gateway.client.DayRange;
import storeops.gateway.domain.ChannelAttribution;
import storeops.gateway.domain.Inquiries;

/**
 * The days of each service's data that the KPIs of the days {@code from}..{@code to} are computed
 * from, wider than the days themselves wherever a definition of metrics.csv looks beyond them: a
 * composed answer is kept until one of these ranges' data versions moves, so a range too narrow
 * would keep an answer a write has made wrong, and one too wide only composes again sooner.
 */
record ReadDays(DayRange traffic, DayRange orders, DayRange desk) {

    /** Returning visitors: a visit on the 6 natural days before the day of the first visit. */
    static final int RETURNING_VISITOR_DAYS = 6;
    /** The last visit of a payment at the first day's first minute lies up to this many days before it. */
    static final int LAST_VISIT_DAYS = (ChannelAttribution.LOOKBACK_HOURS + 23) / 24;
    /** Returning buyers: a payment on the 365 natural days before; one more for a payment at midnight. */
    static final int RETURNING_BUYER_DAYS = 366;
    /** The DSR: the scores of the 180 days up to the last day (ratings move every day's version today). */
    static final int DSR_DAYS = 180;

    static ReadDays of(LocalDate from, LocalDate to) {
        return new ReadDays(new DayRange(from.minusDays(Math.max(RETURNING_VISITOR_DAYS, LAST_VISIT_DAYS)), to),
                // orders placed up to the end of the last inquiry day's payment window count for its inquiries
                new DayRange(from.minusDays(RETURNING_BUYER_DAYS), to.plusDays(Inquiries.WINDOW_EXTRA_DAYS)),
                new DayRange(earlier(from, to.minusDays(DSR_DAYS - 1)), to));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
