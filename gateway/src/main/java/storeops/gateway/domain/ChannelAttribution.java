package storeops.gateway.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import storeops.gateway.client.OrderApi.PaidOrders;
import storeops.gateway.client.TrafficApi.ChannelTraffic;

/**
 * Paid orders attributed to the source of the buyer's last visit at or before the payment within
 * 7 x 24 hours (traffic-service finds the visit), else {@code UNATTRIBUTED}; ROI and its grade per
 * channel (rules.md, Promotion ROI and counting rules).
 */
public final class ChannelAttribution {

    public static final String UNATTRIBUTED = "UNATTRIBUTED";
    public static final int LOOKBACK_HOURS = 7 * 24;
    public static final List<String> CHANNELS = List.of("ORGANIC_SEARCH", "ZHITONGCHE", "TAOBAOKE", "ZUANZHAN",
            "JUHUASUAN", "DIRECT", "OTHER");

    /** A null field is one whose service did not answer (traffic: visitors, spend; order: the paid figures). */
    public record Row(String channel, Long visitors, Long paidBuyers, BigDecimal paidAmount, BigDecimal spend,
            BigDecimal roi, String grade) {
    }

    private final List<ChannelTraffic> traffic;
    private final PaidOrders paid;
    private final List<String> sources;
    private final Map<String, BigDecimal> amounts;
    private final BigDecimal channelRoi;
    private final List<String> missing;
    private List<Row> rows;

    private ChannelAttribution(List<ChannelTraffic> traffic, PaidOrders paid, List<String> sources,
            Map<String, BigDecimal> amounts, BigDecimal channelRoi, List<String> missing, List<Row> rows) {
        this.traffic = traffic;
        this.paid = paid;
        this.sources = sources;
        this.amounts = amounts;
        this.channelRoi = channelRoi;
        this.missing = missing;
        this.rows = rows;
    }

    /** Only traffic answered: each channel's visitors and spend, nothing paid. */
    public static ChannelAttribution withoutPayments(List<ChannelTraffic> traffic) {
        List<Row> rows = new ArrayList<>();
        for (String channel : CHANNELS) {
            ChannelTraffic t = traffic.stream().filter(c -> channel.equals(c.channel())).findFirst().orElse(null);
            rows.add(new Row(channel, t == null ? 0L : t.visitors(), null, null,
                    Ratio.money(t == null || t.spend() == null ? BigDecimal.ZERO : t.spend()), null, null));
        }
        rows.add(new Row(UNATTRIBUTED, 0L, null, null, Ratio.money(BigDecimal.ZERO), null, null));
        return new ChannelAttribution(traffic, null, null, Map.of(), null,
                List.of("paidBuyers", "paidAmount", "roi", "grade", "channelRoi"), rows);
    }

    /**
     * @param sources one per paid order, in the order of {@code paid} (the contract of traffic/last-visits);
     *     null where no visit came before the payment within the look-back
     */
    public static ChannelAttribution of(List<ChannelTraffic> traffic, PaidOrders paid, List<String> sources) {
        Map<String, BigDecimal> amounts = new HashMap<>();
        for (int i = 0; i < paid.size(); i++) {
            amounts.merge(sourceOf(sources, i), paid.goodsAmounts().get(i), BigDecimal::add);
        }
        return new ChannelAttribution(traffic, paid, sources, amounts, roi(attributed(amounts), traffic), List.of(),
                null);
    }

    /**
     * The amount paid per day that is attributed to a channel (not {@code UNATTRIBUTED}): a payment
     * counts on its own day, so a period's attributed amount is the sum of its days'.
     *
     * @param dayOf the shop's natural day of an instant in epoch ms
     */
    public static Map<LocalDate, BigDecimal> attributedByDay(PaidOrders paid, List<String> sources,
            LongFunction<LocalDate> dayOf) {
        Map<LocalDate, Map<String, BigDecimal>> amounts = new HashMap<>();
        for (int i = 0; i < paid.size(); i++) {
            amounts.computeIfAbsent(dayOf.apply(paid.paidAt()[i]), d -> new HashMap<>())
                    .merge(sourceOf(sources, i), paid.goodsAmounts().get(i), BigDecimal::add);
        }
        Map<LocalDate, BigDecimal> byDay = new HashMap<>();
        amounts.forEach((day, onDay) -> byDay.put(day, attributed(onDay)));
        return byDay;
    }

    /** {@code channelRoi}: the amount attributed to any channel over every channel's spend. */
    public static BigDecimal roi(BigDecimal attributed, List<ChannelTraffic> traffic) {
        Map<String, ChannelTraffic> byChannel = byChannel(traffic);
        BigDecimal spent = BigDecimal.ZERO;
        for (String channel : CHANNELS) {
            spent = spent.add(spendOf(byChannel.get(channel)));
        }
        return Ratio.of(attributed, spent);
    }

    private static BigDecimal attributed(Map<String, BigDecimal> amounts) {
        BigDecimal attributed = BigDecimal.ZERO;
        for (String channel : CHANNELS) {
            attributed = attributed.add(Ratio.money(amounts.getOrDefault(channel, BigDecimal.ZERO)));
        }
        return attributed;
    }

    /**
     * The rows, each channel's distinct paying buyers counted on first use: the overview reads only
     * {@code channelRoi}, and hashing a month's 48,000 payers per composition would cost it for nothing.
     */
    public synchronized List<Row> rows() {
        if (rows == null) {
            Map<String, Set<String>> buyers = new HashMap<>();
            for (int i = 0; i < paid.size(); i++) {
                buyers.computeIfAbsent(sourceOf(sources, i), s -> new HashSet<>()).add(paid.buyerIds().get(i));
            }
            Map<String, ChannelTraffic> byChannel = byChannel(traffic);
            List<Row> all = new ArrayList<>();
            for (String channel : CHANNELS) {
                ChannelTraffic t = byChannel.get(channel);
                BigDecimal spend = spendOf(t);
                BigDecimal amount = Ratio.money(amounts.getOrDefault(channel, BigDecimal.ZERO));
                BigDecimal roi = Ratio.of(amount, spend);
                all.add(new Row(channel, t == null ? 0L : t.visitors(),
                        (long) buyers.getOrDefault(channel, Set.of()).size(), amount, spend, roi, grade(roi)));
            }
            all.add(new Row(UNATTRIBUTED, 0L, (long) buyers.getOrDefault(UNATTRIBUTED, Set.of()).size(),
                    Ratio.money(amounts.getOrDefault(UNATTRIBUTED, BigDecimal.ZERO)), Ratio.money(BigDecimal.ZERO),
                    null, null));
            rows = List.copyOf(all);
        }
        return rows;
    }

    private static String sourceOf(List<String> sources, int i) {
        return i < sources.size() && sources.get(i) != null ? sources.get(i) : UNATTRIBUTED;
    }

    private static Map<String, ChannelTraffic> byChannel(List<ChannelTraffic> traffic) {
        Map<String, ChannelTraffic> byChannel = new HashMap<>();
        traffic.forEach(t -> byChannel.put(t.channel(), t));
        return byChannel;
    }

    private static BigDecimal spendOf(ChannelTraffic t) {
        return Ratio.money(t == null || t.spend() == null ? BigDecimal.ZERO : t.spend());
    }

    /** Below 1:3 poor, 1:3 pass, 1:4 good, 1:5 and up excellent; no spend, no grade. */
    static String grade(BigDecimal roi) {
        if (roi == null) {
            return null;
        }
        if (roi.compareTo(BigDecimal.valueOf(5)) >= 0) {
            return "excellent";
        }
        if (roi.compareTo(BigDecimal.valueOf(4)) >= 0) {
            return "good";
        }
        return roi.compareTo(BigDecimal.valueOf(3)) >= 0 ? "pass" : "poor";
    }

    public List<String> missing() {
        return missing;
    }

    public Map<String, BigDecimal> metrics() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        if (missing.isEmpty()) {
            values.put("channelRoi", channelRoi);
        }
        return values;
    }
}
