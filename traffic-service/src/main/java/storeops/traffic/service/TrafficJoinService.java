package storeops.traffic.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import storeops.common.time.DayPeriod;
import storeops.common.time.ShopCalendar;
import storeops.traffic.domain.DayViews;
import storeops.traffic.domain.DayViews.View;
import storeops.traffic.domain.Source;
import storeops.traffic.repository.PeopleStore;
import storeops.traffic.repository.SpendStore;
import storeops.traffic.repository.VisitorKeyStore;

/**
 * The internal endpoints the gateway joins with chats and orders (docs/service-contracts.md): it
 * sends the few buyer ids it cares about instead of pulling every visitor across the network.
 */
@ApplicationScoped
public class TrafficJoinService {

    /**
     * The period's distinct and effective visitors, and which of the asked ids are not among them:
     * buyers are nearly always visitors, and effective ones, so the exceptions are the short lists.
     */
    public record People(long distinctVisitors, long effectiveVisitors, List<String> unvisited, List<String> notEffective) {
    }

    public record LastVisitQuery(String buyerId, Instant at) {
    }

    public record LastVisit(String buyerId, Instant at, Source source, Instant visitedAt) {
    }

    public record ChannelFigures(Source channel, long visitors, BigDecimal spend) {
    }

    private final PeopleStore people;
    private final SpendStore spend;
    private final VisitorSetService visitorSets;
    private final VisitorKeyStore visitorKeys;
    private final DayViewsCache dayViews;
    private final ShopCalendar calendar;

    public TrafficJoinService(PeopleStore people, SpendStore spend, VisitorSetService visitorSets,
            VisitorKeyStore visitorKeys, DayViewsCache dayViews, ShopCalendar calendar) {
        this.dayViews = dayViews;
        this.calendar = calendar;
        this.people = people;
        this.visitorSets = visitorSets;
        this.visitorKeys = visitorKeys;
        this.spend = spend;
    }

    public People people(String shopId, DayPeriod period, List<String> buyerIds) {
        VisitorSets.People people = visitorSets.sets(shopId, period.from(), period.to(), VisitorSets.PEOPLE).people(period);
        int[] keys = visitorKeys.existingKeysOf(shopId, buyerIds);
        // an id asked twice is answered once; only the few exceptions are hashed for it
        Set<String> unvisited = new LinkedHashSet<>();
        Set<String> notEffective = new LinkedHashSet<>();
        for (int i = 0; i < keys.length; i++) {
            int key = keys[i];
            if (key < 0 || !people.visitors().contains(key)) {
                unvisited.add(buyerIds.get(i));
            }
            if (key < 0 || !people.effective().contains(key)) {
                notEffective.add(buyerIds.get(i));
            }
        }
        return new People(people.visitors().getLongCardinality(), people.effective().getLongCardinality(),
                List.copyOf(unvisited), List.copyOf(notEffective));
    }

    /** Queries answered from one read of their buyers' views (one IN list, see PeopleStore). */
    static final int QUERIES_PER_READ = 500;

    /**
     * Reads of the events of days missing from the view log run three at a time: each waits mostly
     * on the database's index pages.
     */
    private final ExecutorService lastVisitReads = Executors.newFixedThreadPool(3, runnable -> {
        Thread thread = new Thread(runnable, "last-visit-read");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Per query, the buyer's last VIEW at or before {@code at} and within the look-back, else nulls.
     * Answered from the day view log in memory ({@link DayViewsCache}): for each query, one binary
     * search per day of its look-back. A query whose look-back touches a day not wholly in the log
     * (stored before it) is answered from the events.
     */
    public List<LastVisit> lastVisits(String shopId, Duration lookback, List<LastVisitQuery> queries) {
        LastVisit[] answers = new LastVisit[queries.size()];
        if (queries.isEmpty()) {
            return List.of();
        }
        Instant earliest = queries.get(0).at();
        Instant latest = earliest;
        List<String> buyers = new ArrayList<>(queries.size());
        for (LastVisitQuery q : queries) {
            earliest = q.at().isBefore(earliest) ? q.at() : earliest;
            latest = q.at().isAfter(latest) ? q.at() : latest;
            buyers.add(q.buyerId());
        }
        // a day either side: a view's day is the shop's natural day, the look-back is in hours
        LocalDate firstDay = calendar.dayOf(shopId, earliest.minus(lookback)).minusDays(1);
        LocalDate lastDay = calendar.dayOf(shopId, latest).plusDays(1);
        DayViewsCache.Days days = dayViews.days(shopId, firstDay, lastDay);
        int[] keys = visitorKeys.existingKeysOf(shopId, buyers);
        long first = firstDay.toEpochDay();
        DayViews.Reader[] readers = new DayViews.Reader[(int) (lastDay.toEpochDay() - first + 1)];
        days.views().forEach((day, views) -> readers[(int) (day.toEpochDay() - first)] = views.reader());
        boolean[] incomplete = new boolean[readers.length];
        days.incomplete().forEach(day -> incomplete[(int) (day.toEpochDay() - first)] = true);
        DayOfInstant dayOf = new DayOfInstant(calendar.zoneOf(shopId).getRules(), earliest.minus(lookback), latest);
        boolean anyIncomplete = !days.incomplete().isEmpty();

        // in order of (visitor key, instant): each day's reader then only moves forward through its
        // sorted views, where in payment order nearly every probe missed the processor's caches
        long[] atMillis = new long[queries.size()];
        long[] byKey = new long[queries.size()]; // (key + 1) << 32 | query index
        for (int i = 0; i < queries.size(); i++) {
            atMillis[i] = queries.get(i).at().toEpochMilli();
            byKey[i] = ((keys[i] + 1L) << 32) | i;
        }
        Arrays.sort(byKey);
        byInstantWithinKey(byKey, atMillis);
        List<Integer> fromEvents = new ArrayList<>();
        for (long entry : byKey) {
            int i = (int) entry;
            int key = (int) (entry >>> 32) - 1;
            LastVisitQuery q = queries.get(i);
            long at = atMillis[i];
            // a day either side of the look-back's days
            int from = (int) (dayOf.epochDay(at - lookback.toMillis()) - 1 - first);
            int to = (int) (dayOf.epochDay(at) + 1 - first);
            if (anyIncomplete && anyIn(incomplete, from, to)) {
                fromEvents.add(i);
                continue;
            }
            answers[i] = answer(q, lookback, key < 0 ? null : lastView(readers, key, at, from, to));
        }
        answerFromEvents(shopId, lookback, queries, fromEvents, answers);
        return List.of(answers);
    }

    /**
     * The shop's natural day of an instant as an epoch day. A zone whose offset does not change
     * between the queries' instants (Asia/Shanghai since 1991) is one addition, where asking the zone
     * rules per query cost as much as searching the views.
     */
    private static final class DayOfInstant {
        private final ZoneRules zone;
        private final Long fixedOffsetMillis;

        DayOfInstant(ZoneRules zone, Instant from, Instant to) {
            this.zone = zone;
            var transition = zone.nextTransition(from);
            this.fixedOffsetMillis = transition == null || transition.getInstant().isAfter(to)
                    ? zone.getOffset(from).getTotalSeconds() * 1000L
                    : null;
        }

        long epochDay(long millis) {
            long offset = fixedOffsetMillis != null ? fixedOffsetMillis
                    : zone.getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000L;
            return Math.floorDiv(millis + offset, 86_400_000L);
        }
    }

    private static boolean anyIn(boolean[] flags, int from, int to) {
        for (int d = from; d <= to; d++) {
            if (flags[d]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The visitor's last view at or before the instant over the days (indexes into {@code days}),
     * newest day first. A view's day is its natural day, so once one is found only the day before it
     * can hold a later one (the margin the day range carries).
     */
    private static View lastView(DayViews.Reader[] days, int key, long at, int from, int to) {
        View last = null;
        int stop = from;
        for (int day = to; day >= stop; day--) {
            DayViews.Reader views = days[day];
            View found = views == null ? null : views.lastAtOrBefore(key, at);
            if (found != null && (last == null || found.at() > last.at())) {
                if (last == null) {
                    stop = Math.max(stop, day - 1);
                }
                last = found;
            }
        }
        return last;
    }

    /** Sorts each run of one visitor key (a buyer's few payments) by instant, keeping the runs in place. */
    private static void byInstantWithinKey(long[] byKey, long[] atMillis) {
        for (int i = 1; i < byKey.length; i++) {
            long entry = byKey[i];
            int j = i - 1;
            while (j >= 0 && (byKey[j] >>> 32) == (entry >>> 32) && atMillis[(int) byKey[j]] > atMillis[(int) entry]) {
                byKey[j + 1] = byKey[j];
                j--;
            }
            byKey[j + 1] = entry;
        }
    }

    /**
     * The queries in order of their instants, some hundreds at a time, each group reading the views
     * of its buyers between its earliest look-back and its latest instant.
     */
    private void answerFromEvents(String shopId, Duration lookback, List<LastVisitQuery> queries, List<Integer> which,
            LastVisit[] answers) {
        List<Integer> byInstant = new ArrayList<>(which);
        byInstant.sort(Comparator.comparing(i -> queries.get(i).at()));
        List<Future<?>> reads = new ArrayList<>();
        for (int start = 0; start < byInstant.size(); start += QUERIES_PER_READ) {
            List<Integer> group = byInstant.subList(start, Math.min(byInstant.size(), start + QUERIES_PER_READ));
            reads.add(lastVisitReads.submit(() -> answerGroup(shopId, lookback, queries, group, answers)));
        }
        for (Future<?> read : reads) {
            try {
                read.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading last visits", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /** One group's answers, into its own slots of {@code answers}. */
    private void answerGroup(String shopId, Duration lookback, List<LastVisitQuery> queries, List<Integer> group,
            LastVisit[] answers) {
        Set<String> buyers = new HashSet<>();
        group.forEach(i -> buyers.add(queries.get(i).buyerId()));
        Instant earliest = queries.get(group.get(0)).at().minus(lookback);
        Instant latest = queries.get(group.get(group.size() - 1)).at();
        Map<String, List<View>> views = people.views(shopId, buyers, earliest, latest);
        for (int i : group) {
            LastVisitQuery q = queries.get(i);
            answers[i] = answer(q, lookback, lastAtOrBefore(views.getOrDefault(q.buyerId(), List.of()), q.at().toEpochMilli()));
        }
    }

    private static LastVisit answer(LastVisitQuery q, Duration lookback, View last) {
        boolean inWindow = last != null && last.at() >= q.at().minus(lookback).toEpochMilli();
        return inWindow
                ? new LastVisit(q.buyerId(), q.at(), last.source(), Instant.ofEpochMilli(last.at()))
                : new LastVisit(q.buyerId(), q.at(), null, null);
    }

    @PreDestroy
    void stopReads() {
        lastVisitReads.shutdownNow();
    }

    private static View lastAtOrBefore(List<View> views, long at) {
        int index = Collections.binarySearch(views, new View(at, null), (a, b) -> Long.compare(a.at(), b.at()));
        if (index >= 0) {
            // several views at the same millisecond: the last of them
            while (index + 1 < views.size() && views.get(index + 1).at() == at) {
                index++;
            }
            return views.get(index);
        }
        int before = -index - 2;
        return before >= 0 ? views.get(before) : null;
    }

    /** Every source channel, even with no visitor and no spend. */
    public List<ChannelFigures> channels(String shopId, DayPeriod period) {
        Map<Source, Long> visitors = visitorSets.sets(shopId, period.from(), period.to(), VisitorSets.CHANNELS)
                .channelVisitors(period);
        Map<Source, BigDecimal> spent = spend.totals(shopId, period);
        List<ChannelFigures> channels = new ArrayList<>();
        for (Source s : Source.values()) {
            channels.add(new ChannelFigures(s, visitors.getOrDefault(s, 0L),
                    spent.getOrDefault(s, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP)));
        }
        return channels;
    }
}
