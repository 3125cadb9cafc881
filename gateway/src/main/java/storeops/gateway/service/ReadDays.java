package storeops.gateway.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import storeops.common.time.DayPeriod;
import storeops.gateway.client.DayRange;
import storeops.gateway.domain.ChannelAttribution;
import storeops.gateway.domain.Inquiries;

/**
 * The days of each service's data that one part of a composition is computed from, wider than
 * its period wherever a definition of metrics.csv looks beyond it. A composed part or answer is
 * kept until the data version of one of these ranges moves (docs/service-contracts.md), so a range
 * too narrow would keep what a write has made wrong, and one too wide only composes again sooner.
 */
record ReadDays(List<DayRange> traffic, List<DayRange> orders, List<DayRange> desk) {

    /** Returning visitors: a visit on the 6 natural days before; the day before the last (the changes). */
    static final int RETURNING_VISITOR_DAYS = 6;
    /** The last visit of a payment at the first day's first minute lies up to this many days before it. */
    static final int LAST_VISIT_DAYS = (ChannelAttribution.LOOKBACK_HOURS + 23) / 24;
    /** Returning buyers: a payment on the 365 natural days before; one more for a payment at midnight. */
    static final int RETURNING_BUYER_DAYS = 366;
    /** The DSR: the scores of the 180 days up to the last day (a rating moves every day's version today). */
    static final int DSR_DAYS = 180;

    /** Up to a month, joins are kept per day: about 60 ranges of one service, 2 KB of query string. */
    static final int DAYS_OF_PARTS = 31;

    static final ReadDays NOTHING = new ReadDays(List.of(), List.of(), List.of());

    static ReadDays trafficMetrics(DayPeriod p) {
        return new ReadDays(List.of(range(p.from().minusDays(RETURNING_VISITOR_DAYS), p.to())), List.of(), List.of());
    }

    static ReadDays orderMetrics(DayPeriod p) {
        return new ReadDays(List.of(), List.of(range(p.from().minusDays(RETURNING_BUYER_DAYS), p.to())), List.of());
    }

    static ReadDays deskMetrics(DayPeriod p) {
        LocalDate dsrFrom = p.to().minusDays(DSR_DAYS - 1);
        LocalDate from = dsrFrom.isBefore(p.from()) ? dsrFrom : p.from();
        return new ReadDays(List.of(), List.of(), List.of(range(from, p.to())));
    }

    /** The desk's response figures per agent of the period's conversations. */
    static ReadDays agentFigures(DayPeriod p) {
        return new ReadDays(List.of(), List.of(), List.of(range(p)));
    }

    /** The period's visitors, ordering and paying buyers and consulted buyers. */
    static ReadDays funnel(DayPeriod p) {
        return new ReadDays(List.of(range(p)), List.of(range(p)), List.of(range(p)));
    }

    /** The period's first chats, and the orders placed up to the end of its last day's payment window. */
    static ReadDays inquiries(DayPeriod p) {
        return new ReadDays(List.of(), List.of(range(p.from(), p.to().plusDays(Inquiries.WINDOW_EXTRA_DAYS))),
                List.of(range(p)));
    }

    /** The period's payments, each buyer's visits up to the look-back before it, and its channels' spend. */
    static ReadDays channels(DayPeriod p) {
        return new ReadDays(List.of(range(p.from().minusDays(LAST_VISIT_DAYS), p.to())), List.of(range(p)), List.of());
    }

    /** The spend of the period's channels (channel ROI's denominator). */
    static ReadDays channelSpend(DayPeriod p) {
        return new ReadDays(List.of(range(p)), List.of(), List.of());
    }

    /** Everything an overview's or a daily sheet's period reads. */
    static ReadDays snapshot(DayPeriod p) {
        return trafficMetrics(p).and(orderMetrics(p)).and(deskMetrics(p)).and(funnel(p)).and(inquiries(p))
                .and(channels(p));
    }

    /**
     * The ranges of what an overview's period keeps per day: its inquiries and its attributed
     * payments (up to {@link #DAYS_OF_PARTS} days).
     */
    static ReadDays snapshotDays(DayPeriod p) {
        List<ReadDays> days = new ArrayList<>();
        if (p.days() <= DAYS_OF_PARTS) {
            for (LocalDate day : p.eachDay()) {
                DayPeriod one = DayPeriod.ofDay(day);
                days.add(inquiries(one));
                days.add(channels(one));
            }
        }
        return union(days);
    }

    /**
     * The ranges of each day's joins of a daily sheet, so that a write of today composes today's
     * joins only. Up to {@link #DAYS_OF_PARTS} days: the ranges travel in the version call's query
     * string, and a longer sheet composes every day's joins.
     */
    static ReadDays dailyDays(DayPeriod p) {
        List<ReadDays> days = new ArrayList<>();
        if (p.days() <= DAYS_OF_PARTS) {
            for (LocalDate day : p.eachDay()) {
                DayPeriod one = DayPeriod.ofDay(day);
                days.add(funnel(one));
                days.add(inquiries(one));
                days.add(channels(one));
            }
        }
        return union(days);
    }

    /** Every range of all of these, each once, in the order first met. */
    private static ReadDays union(List<ReadDays> all) {
        LinkedHashSet<DayRange> traffic = new LinkedHashSet<>();
        LinkedHashSet<DayRange> orders = new LinkedHashSet<>();
        LinkedHashSet<DayRange> desk = new LinkedHashSet<>();
        for (ReadDays r : all) {
            traffic.addAll(r.traffic);
            orders.addAll(r.orders);
            desk.addAll(r.desk);
        }
        return new ReadDays(new ArrayList<>(traffic), new ArrayList<>(orders), new ArrayList<>(desk));
    }

    /** One range per service from the first day read to the last: at least every day these ranges read. */
    ReadDays hull() {
        return new ReadDays(hull(traffic), hull(orders), hull(desk));
    }

    private static List<DayRange> hull(List<DayRange> ranges) {
        if (ranges.size() < 2) {
            return ranges;
        }
        LocalDate from = ranges.get(0).from();
        LocalDate to = ranges.get(0).to();
        for (DayRange r : ranges) {
            from = r.from().isBefore(from) ? r.from() : from;
            to = r.to().isAfter(to) ? r.to() : to;
        }
        return List.of(new DayRange(from, to));
    }

    boolean isEmpty() {
        return traffic.isEmpty() && orders.isEmpty() && desk.isEmpty();
    }

    ReadDays and(ReadDays other) {
        return new ReadDays(union(traffic, other.traffic), union(orders, other.orders), union(desk, other.desk));
    }

    private static List<DayRange> union(List<DayRange> a, List<DayRange> b) {
        LinkedHashSet<DayRange> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    private static DayRange range(DayPeriod p) {
        return new DayRange(p.from(), p.to());
    }

    private static DayRange range(LocalDate from, LocalDate to) {
        return new DayRange(from, to);
    }
}
