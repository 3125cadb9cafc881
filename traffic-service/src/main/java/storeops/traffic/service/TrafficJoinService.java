package storeops.traffic.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import storeops.traffic.domain.Source;
import storeops.traffic.repository.PeopleStore;
import storeops.traffic.repository.PeopleStore.View;
import storeops.traffic.repository.SpendStore;
import storeops.traffic.repository.VisitorKeyStore;

/**
 * The internal endpoints the gateway joins with chats and orders (docs/service-contracts.md): it
 * sends the few buyer ids it cares about instead of pulling every visitor across the network.
 */
@ApplicationScoped
public class TrafficJoinService {

    public record People(long distinctVisitors, long effectiveVisitors, List<String> visited, List<String> effective) {
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

    public TrafficJoinService(PeopleStore people, SpendStore spend, VisitorSetService visitorSets,
            VisitorKeyStore visitorKeys) {
        this.people = people;
        this.visitorSets = visitorSets;
        this.visitorKeys = visitorKeys;
        this.spend = spend;
    }

    public People people(String shopId, DayPeriod period, List<String> buyerIds) {
        VisitorSets.People people = visitorSets.sets(shopId, period.from(), period.to(), VisitorSets.PEOPLE).people(period);
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(buyerIds));
        Map<String, Integer> keys = visitorKeys.existingKeys(shopId, ids);
        List<String> visited = new ArrayList<>();
        List<String> effective = new ArrayList<>();
        for (String id : ids) {
            Integer key = keys.get(id);
            if (key != null && people.visitors().contains(key)) {
                visited.add(id);
                if (people.effective().contains(key)) {
                    effective.add(id);
                }
            }
        }
        return new People(people.visitors().getLongCardinality(), people.effective().getLongCardinality(), visited,
                effective);
    }

    /** Queries answered from one read of their buyers' views (one IN list, see PeopleStore). */
    static final int QUERIES_PER_READ = 500;

    /**
     * The groups' reads run three at a time: each waits mostly on the database's index pages, and a
     * period's ~100 reads one after the other kept the gateway's channel attribution past its
     * answer's deadline.
     */
    private final ExecutorService lastVisitReads = Executors.newFixedThreadPool(3, runnable -> {
        Thread thread = new Thread(runnable, "last-visit-read");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Per query, the buyer's last VIEW at or before {@code at} and within the look-back, else nulls.
     * The queries go in order of their instants, some hundreds at a time, each group reading the views
     * of its buyers between its earliest look-back and its latest instant: payments of neighbouring
     * hours share a read of about a week, where one read over the whole period's span would carry
     * every view of the period.
     */
    public List<LastVisit> lastVisits(String shopId, Duration lookback, List<LastVisitQuery> queries) {
        List<Integer> byInstant = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            byInstant.add(i);
        }
        byInstant.sort(Comparator.comparing(i -> queries.get(i).at()));
        LastVisit[] answers = new LastVisit[queries.size()];
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
        return List.of(answers);
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
            View last = lastAtOrBefore(views.getOrDefault(q.buyerId(), List.of()), q.at().toEpochMilli());
            boolean inWindow = last != null && last.at() >= q.at().minus(lookback).toEpochMilli();
            answers[i] = inWindow
                    ? new LastVisit(q.buyerId(), q.at(), last.source(), Instant.ofEpochMilli(last.at()))
                    : new LastVisit(q.buyerId(), q.at(), null, null);
        }
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
