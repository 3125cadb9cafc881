package storeops.gateway.service;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import storeops.gateway.domain.ChannelAttribution;
import storeops.gateway.domain.CrossServiceRatios;
import storeops.gateway.domain.Funnel;
import storeops.gateway.domain.Inquiries;
import storeops.gateway.domain.MetricCatalog;

/**
 * What the three services answered about one period (or one day), and every key of the
 * dictionary that can be computed from it. An empty part is a service that did not answer.
 *
 * @param channels the keys of {@link ChannelAttribution#metrics()}; empty when traffic did not answer
 */
public record Snapshot(Optional<Map<String, BigDecimal>> traffic, Optional<Map<String, BigDecimal>> order,
        Optional<Map<String, BigDecimal>> desk, Funnel funnel, Optional<Inquiries.Tally> inquiries,
        Optional<Map<String, BigDecimal>> channels) {

    /** Every key that could be computed, in the dictionary's order; a present key may hold null (0 denominator). */
    public Map<String, BigDecimal> metrics(MetricCatalog catalog) {
        Map<String, BigDecimal> owners = new HashMap<>();
        traffic.ifPresent(m -> copyOwned(m, catalog, "traffic", owners));
        order.ifPresent(m -> copyOwned(m, catalog, "order", owners));
        desk.ifPresent(m -> copyOwned(m, catalog, "desk", owners));
        Map<String, BigDecimal> all = new HashMap<>(owners);
        CrossServiceRatios.addTo(owners, all);
        all.putAll(funnel.metrics());
        inquiries.ifPresent(t -> all.putAll(t.metrics()));
        channels.ifPresent(all::putAll);
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        for (String key : catalog.keys()) {
            if (all.containsKey(key)) {
                ordered.put(key, all.get(key));
            }
        }
        return ordered;
    }

    public static List<String> missing(MetricCatalog catalog, Map<String, BigDecimal> metrics) {
        return catalog.keys().stream().filter(k -> !metrics.containsKey(k)).toList();
    }

    private static void copyOwned(Map<String, BigDecimal> answered, MetricCatalog catalog, String owner,
            Map<String, BigDecimal> into) {
        for (String key : catalog.keysOwnedBy(owner)) {
            if (answered.containsKey(key)) {
                into.put(key, answered.get(key));
            }
        }
    }
}
