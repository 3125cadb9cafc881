package storeops.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import storeops.common.problem.ProblemException;
import storeops.common.time.DayPeriod;
import storeops.common.time.ShopCalendar;
import storeops.gateway.client.Caller;
import storeops.gateway.client.DailyAnswer;
import storeops.gateway.client.DeskApi.AgentFigures;
import storeops.gateway.client.DeskApi.ConsultedBuyers;
import storeops.gateway.client.DeskApi.FirstChat;
import storeops.gateway.client.DeskClient;
import storeops.gateway.client.MetricsAnswer;
import storeops.gateway.client.OrderApi.BuyerSets;
import storeops.gateway.client.OrderApi.OrderSummary;
import storeops.gateway.client.OrderApi.PaidOrders;
import storeops.gateway.client.OrderClient;
import storeops.gateway.client.ServiceCalls;
import storeops.gateway.client.TrafficApi.ChannelTraffic;
import storeops.gateway.client.TrafficApi.Channels;
import storeops.gateway.client.TrafficApi.LastVisits;
import storeops.gateway.client.TrafficApi.People;
import storeops.gateway.client.TrafficClient;
import storeops.gateway.config.GatewayConfig;
import storeops.gateway.domain.ChannelAttribution;
import storeops.gateway.domain.Funnel;
import storeops.gateway.domain.Inquiries;
import storeops.gateway.domain.MetricCatalog;
import storeops.gateway.rest.KpiViews.AgentRow;
import storeops.gateway.rest.KpiViews.AgentsView;
import storeops.gateway.rest.KpiViews.AlertsView;
import storeops.gateway.rest.KpiViews.ChannelsView;
import storeops.gateway.rest.KpiViews.DailyView;
import storeops.gateway.rest.KpiViews.DayView;
import storeops.gateway.rest.KpiViews.DsrAlert;
import storeops.gateway.rest.KpiViews.FunnelView;
import storeops.gateway.rest.KpiViews.Headline;
import storeops.gateway.rest.KpiViews.Overview;

/**
 * Composes the KPIs from the three services. Calls that do not depend on each other go out
 * together; a join sends the small set (consulted, ordering and paying buyers; paid orders) to
 * the service holding the big one (traffic), never the other way round.
 */
@ApplicationScoped
public class KpiService {

    private static final List<String> AGENT_DESK_KEYS = List.of("receivedBuyers", "replyRate",
            "firstResponseSeconds", "avgResponseSeconds", "threeMinuteResponseRate");
    private static final List<String> INQUIRY_KEYS = List.of("inquiryConversionRate", "inquiryFinalPaymentRate");

    private final TrafficClient traffic;
    private final OrderClient orders;
    private final DeskClient desk;
    private final ShopCalendar calendar;
    private final MetricCatalog catalog;
    private final GatewayConfig config;
    private final ComposedAnswers answers;
    private final KeptParts parts;

    public KpiService(TrafficClient traffic, OrderClient orders, DeskClient desk, ShopCalendar calendar,
            MetricCatalog catalog, GatewayConfig config, ComposedAnswers answers, KeptParts parts) {
        this.parts = parts;
        this.traffic = traffic;
        this.orders = orders;
        this.desk = desk;
        this.calendar = calendar;
        this.catalog = catalog;
        this.config = config;
        this.answers = answers;
    }

    public Uni<Overview> overview(Caller caller, String shopId, DayPeriod period) {
        return answers.of("overview", caller, shopId, period,
                ReadDays.snapshot(period).and(ReadDays.snapshot(period.previous())),
                () -> ReadDays.snapshotDays(period).and(ReadDays.snapshotDays(period.previous())), 1,
                config.answerWithin(),
                answer -> !answer.partial(), (budget, seen) -> composeOverview(caller, shopId, period, budget, seen));
    }

    private Uni<Overview> composeOverview(Caller caller, String shopId, DayPeriod period, Duration budget,
            SeenVersions seen) {
        Deadline deadline = Deadline.in(budget);
        return Uni.combine().all()
                .unis(snapshot(caller, shopId, period, deadline, seen),
                        snapshot(caller, shopId, period.previous(), deadline, seen))
                .asTuple().map(both -> {
                    Map<String, BigDecimal> now = both.getItem1().metrics(catalog);
                    Map<String, BigDecimal> before = both.getItem2().metrics(catalog);
                    if (now.isEmpty() && before.isEmpty()) {
                        throw unavailable();
                    }
                    List<String> missing = union(Snapshot.missing(catalog, now), Snapshot.missing(catalog, before));
                    return new Overview(shopId, period.from(), period.to(), now, before, !missing.isEmpty(), missing);
                });
    }

    public Uni<FunnelView> funnel(Caller caller, String shopId, DayPeriod period) {
        return answers.of("funnel", caller, shopId, period, ReadDays.funnel(period).and(ReadDays.orderMetrics(period)),
                () -> ReadDays.NOTHING, 1, config.answerWithin(), answer -> !answer.partial(),
                (budget, seen) -> composeFunnel(caller, shopId, period, budget, seen));
    }

    private Uni<FunnelView> composeFunnel(Caller caller, String shopId, DayPeriod period, Duration budget,
            SeenVersions seen) {
        Deadline deadline = Deadline.in(budget);
        return Uni.combine().all()
                .unis(funnelPart(caller, shopId, period, deadline, seen),
                        orderMetrics(caller, shopId, period, deadline, seen))
                .asTuple().map(t -> {
                    Funnel funnel = t.getItem1();
                    Optional<Map<String, BigDecimal>> orderMetrics = t.getItem2();
                    if (funnel.layers().isEmpty() && orderMetrics.isEmpty()) {
                        throw unavailable();
                    }
                    List<String> missing = new ArrayList<>(funnel.missing());
                    if (funnel.people() == null) {
                        missing.add(0, "visitors");
                    }
                    if (orderMetrics.isEmpty()) {
                        missing.addAll(List.of("paidBuyers", "averageOrderValue", "paidAmount"));
                    }
                    return new FunnelView(shopId, period.from(), period.to(), funnel.people(), funnel.layers(),
                            orderMetrics.isPresent() ? Long.valueOf(funnel.paidBuyers()) : null,
                            orderMetrics.map(m -> m.get("averageOrderValue")).orElse(null),
                            orderMetrics.map(m -> m.get("paidAmount")).orElse(null), !missing.isEmpty(), missing);
                });
    }

    public Uni<ChannelsView> channels(Caller caller, String shopId, DayPeriod period) {
        return answers.of("channels", caller, shopId, period, ReadDays.channels(period), () -> ReadDays.NOTHING, 1,
                config.answerWithin(), answer -> !answer.partial(),
                (budget, seen) -> composeChannels(caller, shopId, period, budget));
    }

    private Uni<ChannelsView> composeChannels(Caller caller, String shopId, DayPeriod period, Duration budget) {
        Deadline deadline = Deadline.in(budget);
        return channelsOf(caller, shopId, period, deadline).map(found -> {
            if (found.isEmpty()) {
                throw unavailable(); // without traffic there is no channel to speak of
            }
            List<String> missing = found.get().missing();
            return new ChannelsView(shopId, period.from(), period.to(), found.get().rows(), !missing.isEmpty(),
                    missing);
        });
    }

    public Uni<AgentsView> agents(Caller caller, String shopId, DayPeriod period) {
        ReadDays reads = ReadDays.agentFigures(period).and(ReadDays.inquiries(period))
                .and(ReadDays.inquiries(headlineOf(period)));
        return answers.of("agents", caller, shopId, period, reads, () -> ReadDays.NOTHING, 1, config.answerWithin(),
                answer -> !answer.partial(),
                (budget, seen) -> composeAgents(caller, shopId, period, budget, seen));
    }

    private Uni<AgentsView> composeAgents(Caller caller, String shopId, DayPeriod period, Duration budget,
            SeenVersions seen) {
        Deadline deadline = Deadline.in(budget);
        DayPeriod last28 = headlineOf(period);
        return Uni.combine().all()
                .unis(deadline.bound(desk.agents(caller, shopId, period)),
                        inquiriesPart(caller, shopId, period, deadline, seen),
                        inquiriesPart(caller, shopId, last28, deadline, seen))
                .asTuple().map(t -> {
                    Optional<List<AgentFigures>> figures = t.getItem1().map(a -> a.agents());
                    Optional<Inquiries> inquiries = t.getItem2();
                    Optional<Inquiries> headline = t.getItem3();
                    if (figures.isEmpty() && inquiries.isEmpty() && headline.isEmpty()) {
                        throw unavailable();
                    }
                    Map<String, AgentFigures> byAgent = new TreeMap<>();
                    figures.ifPresent(list -> list.forEach(a -> byAgent.put(a.agentId(), a)));
                    Set<String> agentIds = new TreeSet<>(byAgent.keySet());
                    inquiries.ifPresent(i -> agentIds.addAll(i.byAgent().keySet()));
                    List<AgentRow> rows = new ArrayList<>();
                    for (String agentId : agentIds) {
                        AgentFigures f = byAgent.get(agentId);
                        Inquiries.Tally tally = inquiries.map(i -> i.byAgent().get(agentId)).orElse(null);
                        rows.add(new AgentRow(agentId, f == null ? null : f.conversations(),
                                f == null ? null : f.receivedBuyers(), f == null ? null : f.replyRate(),
                                f == null ? null : f.firstResponseSeconds(), f == null ? null : f.avgResponseSeconds(),
                                f == null ? null : f.threeMinuteResponseRate(),
                                inquiries.isEmpty() ? null : tally == null ? 0L : tally.inquiries(),
                                tally == null ? null : tally.inquiryConversionRate(),
                                tally == null ? null : tally.inquiryFinalPaymentRate(),
                                inquiries.isEmpty() ? null : tally == null ? BigDecimal.ZERO.setScale(2) : tally.creditedSales()));
                    }
                    Headline last = headline.map(h -> new Headline(last28.from(), last28.to(), h.total().inquiries(),
                            h.total().inquiryConversionRate(), h.total().inquiryFinalPaymentRate()))
                            .orElse(new Headline(last28.from(), last28.to(), null, null, null));
                    List<String> missing = new ArrayList<>();
                    if (figures.isEmpty()) {
                        missing.addAll(AGENT_DESK_KEYS);
                    }
                    if (inquiries.isEmpty() || headline.isEmpty()) {
                        missing.addAll(INQUIRY_KEYS);
                    }
                    return new AgentsView(shopId, period.from(), period.to(), rows, last, !missing.isEmpty(), missing);
                });
    }

    /** The 28 days up to the period's last day, the inquiry figures operators quote. */
    private static DayPeriod headlineOf(DayPeriod period) {
        return new DayPeriod(period.to().minusDays(27), period.to());
    }

    public Uni<DailyView> daily(Caller caller, String shopId, DayPeriod period) {
        return answers.of("daily", caller, shopId, period, ReadDays.snapshot(period), () -> ReadDays.dailyDays(period),
                (int) period.days(), config.dailyAnswerWithin(), answer -> !answer.partial(),
                (budget, seen) -> composeDaily(caller, shopId, period, budget, seen));
    }

    private Uni<DailyView> composeDaily(Caller caller, String shopId, DayPeriod period, Duration budget,
            SeenVersions seen) {
        Deadline deadline = Deadline.in(budget);
        Uni<Map<LocalDate, Snapshot>> joins = Multi.createFrom().iterable(period.eachDay())
                .onItem().transformToUni(day -> snapshotJoins(caller, shopId, DayPeriod.ofDay(day), deadline, seen)
                        .map(s -> Map.entry(day, s)))
                .merge(config.dailyConcurrency())
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue);
        return Uni.combine().all()
                .unis(deadline.bound(traffic.daily(caller, shopId, period)),
                        deadline.bound(orders.daily(caller, shopId, period)),
                        deadline.bound(desk.daily(caller, shopId, period)), joins)
                .asTuple().map(t -> {
                    Map<LocalDate, Map<String, BigDecimal>> trafficDays = byDay(t.getItem1());
                    Map<LocalDate, Map<String, BigDecimal>> orderDays = byDay(t.getItem2());
                    Map<LocalDate, Map<String, BigDecimal>> deskDays = byDay(t.getItem3());
                    List<DayView> days = new ArrayList<>();
                    Set<String> missing = new LinkedHashSet<>();
                    boolean anything = false;
                    for (LocalDate day : period.eachDay()) {
                        Snapshot joined = t.getItem4().get(day);
                        Snapshot whole = new Snapshot(Optional.ofNullable(trafficDays.get(day)),
                                Optional.ofNullable(orderDays.get(day)), Optional.ofNullable(deskDays.get(day)),
                                joined.funnel(), joined.inquiries(), joined.channels());
                        Map<String, BigDecimal> metrics = whole.metrics(catalog);
                        anything |= !metrics.isEmpty();
                        missing.addAll(Snapshot.missing(catalog, metrics));
                        days.add(new DayView(day, metrics));
                    }
                    if (!anything) {
                        throw unavailable();
                    }
                    List<String> inOrder = catalog.keys().stream().filter(missing::contains).toList();
                    return new DailyView(shopId, period.from(), period.to(), days, !inOrder.isEmpty(), inOrder);
                });
    }

    public Uni<AlertsView> alerts(Caller caller, String shopId) {
        Deadline deadline = Deadline.in(config.answerWithin());
        GatewayConfig.Alerts limits = config.alerts();
        LocalDate today = calendar.today(shopId);
        return Uni.combine().all()
                .unis(deadline.bound(orders.shippingRisks(caller, shopId, limits.shippingWithinHours())),
                        deadline.bound(orders.paymentReminders(caller, shopId, limits.paymentClosingWithinMinutes())),
                        deadline.bound(desk.breachedTickets(caller, shopId)),
                        deadline.bound(desk.ticketsDueWithin(caller, shopId, limits.ticketsDueWithinHours())),
                        deadline.bound(desk.dsr(caller, shopId, today)),
                        deadline.bound(orders.openInvoices(caller, shopId, limits.invoicesOpenOlderThanHours())))
                .asTuple().map(t -> {
                    List<String> missing = new ArrayList<>();
                    JsonNode late = orNote(t.getItem1(), "lateShipmentRisks", missing);
                    JsonNode reminders = orNote(t.getItem2(), "paymentReminders", missing);
                    JsonNode breached = orNote(t.getItem3(), "ticketsPastSla", missing);
                    JsonNode nearSla = orNote(t.getItem4(), "ticketsNearSla", missing);
                    List<DsrAlert> dsr = null;
                    if (t.getItem5().isEmpty()) {
                        missing.add("dsrBelowTarget");
                    } else {
                        var scores = t.getItem5().get();
                        dsr = new ArrayList<>();
                        belowTarget("dsrDescription", scores.description(), limits.dsrTarget(), dsr);
                        belowTarget("dsrService", scores.service(), limits.dsrTarget(), dsr);
                        belowTarget("dsrLogistics", scores.logistics(), limits.dsrTarget(), dsr);
                    }
                    JsonNode invoices = orNote(t.getItem6(), "openInvoices", missing);
                    if (missing.size() == 6) {
                        throw unavailable();
                    }
                    return new AlertsView(shopId, Instant.now(), late, reminders, breached, nearSla, dsr, invoices,
                            !missing.isEmpty(), missing);
                });
    }

    // ---- composition of one period

    /** Every part of one period, each taken from {@link KeptParts} while the days it reads stand still. */
    Uni<Snapshot> snapshot(Caller caller, String shopId, DayPeriod period, Deadline deadline, SeenVersions seen) {
        return Uni.combine().all()
                .unis(parts.of("traffic-metrics", shopId, period, ReadDays.trafficMetrics(period), seen,
                                Optional::isPresent,
                                () -> metricsOf(deadline.bound(traffic.metrics(caller, shopId, period)))),
                        orderMetrics(caller, shopId, period, deadline, seen),
                        parts.of("desk-metrics", shopId, period, ReadDays.deskMetrics(period), seen,
                                Optional::isPresent,
                                () -> metricsOf(deadline.bound(desk.metrics(caller, shopId, period)))),
                        snapshotJoins(caller, shopId, period, deadline, seen))
                .asTuple().map(t -> new Snapshot(t.getItem1(), t.getItem2(), t.getItem3(), t.getItem4().funnel(),
                        t.getItem4().inquiries(), t.getItem4().channels()));
    }

    private Uni<Optional<Map<String, BigDecimal>>> orderMetrics(Caller caller, String shopId, DayPeriod period,
            Deadline deadline, SeenVersions seen) {
        return parts.of("order-metrics", shopId, period, ReadDays.orderMetrics(period), seen, Optional::isPresent,
                () -> metricsOf(deadline.bound(orders.metrics(caller, shopId, period))));
    }

    private static Uni<Optional<Map<String, BigDecimal>>> metricsOf(Uni<Optional<MetricsAnswer>> answer) {
        return answer.map(found -> found.map(MetricsAnswer::metrics));
    }

    /** Only the joined keys (funnel, inquiries, channel ROI); the owners' metrics are left empty. */
    private Uni<Snapshot> snapshotJoins(Caller caller, String shopId, DayPeriod period, Deadline deadline,
            SeenVersions seen) {
        return Uni.combine().all()
                .unis(funnelPart(caller, shopId, period, deadline, seen),
                        inquiryTotal(caller, shopId, period, deadline, seen),
                        channelRoi(caller, shopId, period, deadline, seen))
                .asTuple().map(t -> new Snapshot(Optional.empty(), Optional.empty(), Optional.empty(), t.getItem1(),
                        t.getItem2(), t.getItem3()));
    }

    private Uni<Funnel> funnelPart(Caller caller, String shopId, DayPeriod period, Deadline deadline,
            SeenVersions seen) {
        return parts.of("funnel", shopId, period, ReadDays.funnel(period), seen,
                (Funnel f) -> f.people() != null && f.missing().isEmpty(),
                () -> funnelOf(caller, shopId, period, deadline));
    }

    /**
     * The period's inquiry figures, summed from each day's (an inquiry counts on its first chat's
     * day, its window reads that day's and the next two days' orders): days kept under their own
     * versions are taken as they are, and the others are composed in one pair of calls over the
     * span of them. An order of today then composes the inquiries of the two days before it only.
     */
    private Uni<Optional<Inquiries.Tally>> inquiryTotal(Caller caller, String shopId, DayPeriod period,
            Deadline deadline, SeenVersions seen) {
        if (period.days() > ReadDays.DAYS_OF_PARTS) {
            return inquiriesPart(caller, shopId, period, deadline, seen).map(found -> found.map(Inquiries::total));
        }
        Map<LocalDate, Inquiries.Tally> byDay = new TreeMap<>();
        List<LocalDate> composed = new ArrayList<>();
        for (LocalDate day : period.eachDay()) {
            DayPeriod one = DayPeriod.ofDay(day);
            parts.<Inquiries.Tally>kept("inquiry-day", shopId, one, ReadDays.inquiries(one), seen)
                    .ifPresentOrElse(tally -> byDay.put(day, tally), () -> composed.add(day));
        }
        if (composed.isEmpty()) {
            return Uni.createFrom().item(Optional.of(Inquiries.sum(byDay.values())));
        }
        DayPeriod span = new DayPeriod(composed.get(0), composed.get(composed.size() - 1));
        return inquiriesOf(caller, shopId, span, deadline).map(found -> found.map(inquiries -> {
            for (LocalDate day : span.eachDay()) {
                Inquiries.Tally tally = inquiries.onDay(day);
                DayPeriod one = DayPeriod.ofDay(day);
                parts.keep("inquiry-day", shopId, one, ReadDays.inquiries(one), seen, tally);
                byDay.put(day, tally);
            }
            return Inquiries.sum(byDay.values());
        }));
    }

    /**
     * The period's {@code channelRoi}, from each day's attributed payments (a payment counts on its
     * day; its last visit lies up to 7 days before it) and the period's spend: days kept under
     * their own versions are taken as they are, the others composed in one pair of calls over the
     * span of them, as the inquiries are. A page view or an order of today then attributes today's
     * payments only.
     */
    private Uni<Optional<Map<String, BigDecimal>>> channelRoi(Caller caller, String shopId, DayPeriod period,
            Deadline deadline, SeenVersions seen) {
        if (period.days() > ReadDays.DAYS_OF_PARTS) {
            // channelRoi only (no payers per channel): the part stays small
            return parts.of("channel-metrics", shopId, period, ReadDays.channels(period), seen,
                    (Optional<Map<String, BigDecimal>> m) -> m.isPresent() && m.get().containsKey("channelRoi"),
                    () -> channelsOf(caller, shopId, period, deadline)
                            .map(found -> found.map(ChannelAttribution::metrics)));
        }
        Map<LocalDate, BigDecimal> byDay = new TreeMap<>();
        List<LocalDate> composed = new ArrayList<>();
        for (LocalDate day : period.eachDay()) {
            DayPeriod one = DayPeriod.ofDay(day);
            parts.<BigDecimal>kept("channel-day", shopId, one, ReadDays.channels(one), seen)
                    .ifPresentOrElse(amount -> byDay.put(day, amount), () -> composed.add(day));
        }
        Uni<Optional<Map<LocalDate, BigDecimal>>> attributed;
        if (composed.isEmpty()) {
            attributed = Uni.createFrom().item(Optional.of(byDay));
        } else {
            DayPeriod span = new DayPeriod(composed.get(0), composed.get(composed.size() - 1));
            attributed = attributedByDay(caller, shopId, span, deadline).map(found -> found.map(days -> {
                for (LocalDate day : span.eachDay()) {
                    BigDecimal amount = days.getOrDefault(day, BigDecimal.ZERO);
                    DayPeriod one = DayPeriod.ofDay(day);
                    parts.keep("channel-day", shopId, one, ReadDays.channels(one), seen, amount);
                    byDay.put(day, amount);
                }
                return byDay;
            }));
        }
        Uni<Optional<List<ChannelTraffic>>> spend = parts.of("channel-spend", shopId, period,
                ReadDays.channelSpend(period), seen, Optional::isPresent,
                () -> deadline.bound(traffic.channels(caller, shopId, period)).map(found -> found.map(Channels::channels)));
        return Uni.combine().all().unis(attributed, spend).asTuple().map(t -> {
            if (t.getItem1().isEmpty() || t.getItem2().isEmpty()) {
                return Optional.empty();
            }
            BigDecimal total = t.getItem1().get().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<String, BigDecimal> metrics = new HashMap<>();
            metrics.put("channelRoi", ChannelAttribution.roi(total, t.getItem2().get()));
            return Optional.of(metrics);
        });
    }

    /** The amount paid on each day of the span that is attributed to a channel; empty when order or traffic did not answer. */
    private Uni<Optional<Map<LocalDate, BigDecimal>>> attributedByDay(Caller caller, String shopId, DayPeriod span,
            Deadline deadline) {
        return deadline.bound(orders.paid(caller, shopId, span)).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<Map<LocalDate, BigDecimal>>empty());
            }
            PaidOrders paid = found.get();
            LongFunction<LocalDate> dayOf = dayOfInstant(shopId, span);
            return lastVisitSources(caller, shopId, paid, deadline)
                    .map(sources -> sources.map(s -> ChannelAttribution.attributedByDay(paid, s, dayOf)));
        });
    }

    /**
     * The shop's day of an instant (epoch ms) within the span, from the days' starts worked out
     * once: a month's 48,000 payments each put through the zone rules cost more than attributing them.
     */
    private LongFunction<LocalDate> dayOfInstant(String shopId, DayPeriod span) {
        List<LocalDate> days = span.eachDay();
        long[] starts = new long[days.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = calendar.startOf(shopId, days.get(i)).toEpochMilli();
        }
        return ms -> {
            int found = Arrays.binarySearch(starts, ms);
            int day = found >= 0 ? found : -found - 2;
            return day >= 0 ? days.get(day) : calendar.dayOf(shopId, Instant.ofEpochMilli(ms));
        };
    }

    private Uni<Optional<Inquiries>> inquiriesPart(Caller caller, String shopId, DayPeriod period, Deadline deadline,
            SeenVersions seen) {
        return parts.of("inquiries", shopId, period, ReadDays.inquiries(period), seen, Optional::isPresent,
                () -> inquiriesOf(caller, shopId, period, deadline));
    }

    private Uni<Funnel> funnelOf(Caller caller, String shopId, DayPeriod period, Deadline deadline) {
        return Uni.combine().all()
                .unis(deadline.bound(orders.buyerSets(caller, shopId, period)),
                        deadline.bound(desk.consultedBuyers(caller, shopId, period)))
                .asTuple().flatMap(t -> {
                    BuyerSets sets = t.getItem1().orElse(null);
                    ConsultedBuyers consulted = t.getItem2().orElse(null);
                    if (sets == null || consulted == null) {
                        return Uni.createFrom().item(Funnel.of(sets, consulted, null));
                    }
                    List<Uni<Optional<People>>> calls = JoinBatches.parts(Funnel.askTraffic(sets, consulted)).stream()
                            .map(ids -> deadline.bound(traffic.people(caller, shopId, period, ids))).toList();
                    return JoinBatches.all(calls).map(parts -> Funnel.of(sets, consulted, parts.map(KpiService::merged)
                            .orElse(null)));
                });
    }

    private Uni<Optional<Inquiries>> inquiriesOf(Caller caller, String shopId, DayPeriod period, Deadline deadline) {
        return deadline.bound(desk.firstChats(caller, shopId, period)).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<Inquiries>empty());
            }
            List<FirstChat> chats = found.get().firstChats();
            Set<String> buyers = chats.stream().map(FirstChat::buyerId).collect(Collectors.toSet());
            if (buyers.isEmpty()) {
                return Uni.createFrom().item(Optional.of(inquiries(shopId, chats, List.of())));
            }
            // orders placed up to the end of the last inquiry day's payment window
            return ordersOfBuyers(caller, shopId, period.from(), period.to().plusDays(Inquiries.WINDOW_EXTRA_DAYS),
                    buyers, deadline).map(o -> o.map(list -> inquiries(shopId, chats, list)));
        });
    }

    private Inquiries inquiries(String shopId, List<FirstChat> chats, List<OrderSummary> orders) {
        return Inquiries.of(chats, orders, day -> calendar.endOf(shopId, day),
                (buyer, instant) -> calendar.dayOf(shopId, instant));
    }

    /** A period may not exceed 366 days, so a longer window is asked in parts, as is a long id list. */
    private Uni<Optional<List<OrderSummary>>> ordersOfBuyers(Caller caller, String shopId, LocalDate from,
            LocalDate to, Set<String> buyers, Deadline deadline) {
        List<Uni<Optional<List<OrderSummary>>>> calls = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(DayPeriod.MAX_DAYS)) {
            LocalDate end = start.plusDays(DayPeriod.MAX_DAYS - 1);
            DayPeriod part = new DayPeriod(start, end.isAfter(to) ? to : end);
            for (List<String> ids : JoinBatches.parts(buyers)) {
                calls.add(deadline.bound(orders.buyerOrders(caller, shopId, part, ids)).map(o -> o.map(x -> x.orders())));
            }
        }
        return JoinBatches.all(calls).map(parts -> parts.map(all -> all.stream().flatMap(List::stream).toList()));
    }

    /** The visitor counts are the same in every part; the parts ask disjoint ids, so their exceptions add up. */
    private static People merged(List<People> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<String> unvisited = new ArrayList<>();
        List<String> notEffective = new ArrayList<>();
        parts.forEach(p -> {
            unvisited.addAll(p.unvisited());
            notEffective.addAll(p.notEffective());
        });
        return new People(parts.get(0).distinctVisitors(), parts.get(0).effectiveVisitors(), unvisited, notEffective);
    }

    /** Empty when traffic did not answer; without order's payments, only each channel's visitors and spend. */
    private Uni<Optional<ChannelAttribution>> channelsOf(Caller caller, String shopId, DayPeriod period,
            Deadline deadline) {
        return Uni.combine().all()
                .unis(deadline.bound(orders.paid(caller, shopId, period)),
                        deadline.bound(traffic.channels(caller, shopId, period)))
                .asTuple().flatMap(t -> {
                    if (t.getItem2().isEmpty()) {
                        return Uni.createFrom().item(Optional.<ChannelAttribution>empty());
                    }
                    var spend = t.getItem2().get().channels();
                    if (t.getItem1().isEmpty()) {
                        return Uni.createFrom().item(Optional.of(ChannelAttribution.withoutPayments(spend)));
                    }
                    PaidOrders paid = t.getItem1().get();
                    return lastVisitSources(caller, shopId, paid, deadline).map(sources -> Optional.of(sources
                            .map(s -> ChannelAttribution.of(spend, paid, s))
                            .orElseGet(() -> ChannelAttribution.withoutPayments(spend))));
                });
    }

    /** The source of each payment's last visit (traffic/last-visits, in parts); empty when traffic did not answer. */
    private Uni<Optional<List<String>>> lastVisitSources(Caller caller, String shopId, PaidOrders paid,
            Deadline deadline) {
        if (paid.size() == 0) {
            return Uni.createFrom().item(Optional.of(List.of()));
        }
        List<Uni<Optional<List<String>>>> calls = new ArrayList<>();
        for (int start = 0; start < paid.size(); start += JoinBatches.LIMIT) {
            int end = Math.min(paid.size(), start + JoinBatches.LIMIT);
            calls.add(deadline.bound(traffic.lastVisits(caller, shopId, ChannelAttribution.LOOKBACK_HOURS,
                    paid.buyerIds().subList(start, end), Arrays.copyOfRange(paid.paidAt(), start, end)))
                    .map(v -> v.map(LastVisits::sources)));
        }
        return JoinBatches.all(calls).map(v -> v.map(parts -> parts.stream().flatMap(List::stream).toList()));
    }

    // ---- small helpers of this composition

    private static Map<LocalDate, Map<String, BigDecimal>> byDay(Optional<DailyAnswer> answer) {
        Map<LocalDate, Map<String, BigDecimal>> days = new HashMap<>();
        answer.ifPresent(a -> a.days().forEach(d -> days.put(d.date(), d.metrics())));
        return days;
    }

    private static JsonNode orNote(Optional<JsonNode> answer, String name, List<String> missing) {
        if (answer.isEmpty()) {
            missing.add(name);
            return null;
        }
        return answer.get();
    }

    private static void belowTarget(String dimension, BigDecimal value, BigDecimal target, List<DsrAlert> into) {
        if (value != null && value.compareTo(target) < 0) {
            into.add(new DsrAlert(dimension, value, target));
        }
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /**
     * Nothing answered in time. Worth asking again soon: a composition that ran out of time goes on
     * in the background (ComposedAnswers), and an open circuit breaker tries its service again after
     * {@link ServiceCalls#OPEN_MS}.
     */
    private static ProblemException unavailable() {
        return new ProblemException(503, "Service Unavailable",
                "None of traffic-service, order-service and service-desk-service answered in time")
                .retryAfter((int) Math.ceil(ServiceCalls.OPEN_MS / 1000.0));
    }
}
