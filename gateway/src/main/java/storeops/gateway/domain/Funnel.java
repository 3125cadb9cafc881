package storeops.gateway.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import storeops.gateway.client.DeskApi.ConsultedBuyers;
import storeops.gateway.client.OrderApi.BuyerSets;
import storeops.gateway.client.TrafficApi.People;

/**
 * The funnel of a period (rules.md, counting rules). Its people are everyone seen in the shop:
 * traffic's distinct visitors plus the chatting, ordering or paying buyers traffic never saw.
 * Only those small sets travel to traffic-service; the visitors stay there and come back as counts.
 *
 * @param people null when traffic, desk or order did not answer (then every layer over people is absent)
 */
public record Funnel(Long people, List<Layer> layers, long paidBuyers, List<String> missing) {

    public static final List<String> LAYER_KEYS = List.of("effectiveEntryRate", "consultationRate",
            "consultedConversionRate", "silentConversionRate", "orderPaymentRate", "dealConversionRate");

    public record Layer(String key, BigDecimal value, long numerator, long denominator) {
        static Layer of(String key, long numerator, long denominator) {
            return new Layer(key, Ratio.of(numerator, denominator), numerator, denominator);
        }
    }

    /**
     * The ids traffic-service is asked about, each once: the people who may be in the shop without a
     * visit event. The order lists come distinct and {@code orderBuyers} and
     * {@code paidNotOrderedBuyers} disjoint, so only the consulted buyers (a few thousand a month)
     * are hashed; a month's 100,000 ordering and paying ids hashed into one set cost the gateway a
     * quarter of a composition.
     */
    public static List<String> askTraffic(BuyerSets orders, ConsultedBuyers desk) {
        Set<String> consulted = new HashSet<>(desk.buyerIds());
        List<String> ids = new ArrayList<>(desk.buyerIds().size() + orders.orderBuyers().size()
                + orders.paidNotOrderedBuyers().size());
        ids.addAll(desk.buyerIds()); // distinct (docs/service-contracts.md), in the desk's order
        for (List<String> list : List.of(orders.orderBuyers(), orders.paidNotOrderedBuyers())) {
            for (String id : list) {
                if (!consulted.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /**
     * Any input may be null (its service did not answer): the layers that need it are left out.
     * The services' buyer lists are distinct (docs/service-contracts.md), so their sizes are the
     * counts; only the small sets (consulted buyers, traffic's exceptions) are hashed, since a
     * month's 60,000 ordering buyers hashed again and again cost this more than the services' reads.
     */
    public static Funnel of(BuyerSets orders, ConsultedBuyers desk, People traffic) {
        List<Layer> layers = new ArrayList<>();
        if (orders == null) {
            return new Funnel(null, layers, 0, LAYER_KEYS);
        }
        long paid = orders.paidBuyerCount();
        Long people = null;
        if (desk != null) {
            Set<String> consulted = new HashSet<>(desk.buyerIds());
            if (traffic != null) {
                // the asked buyers traffic never saw are people of the shop all the same
                people = traffic.distinctVisitors() + traffic.unvisited().size();
                // chats and orders are actions of their own: a chatting or ordering buyer entered effectively
                Set<String> notEffective = new HashSet<>(traffic.notEffective());
                Set<String> actingOnlyHere = new HashSet<>();
                for (String buyer : consulted) {
                    if (notEffective.contains(buyer)) {
                        actingOnlyHere.add(buyer);
                    }
                }
                for (String buyer : orders.orderBuyers()) {
                    if (notEffective.contains(buyer)) {
                        actingOnlyHere.add(buyer);
                    }
                }
                long effective = traffic.effectiveVisitors() + actingOnlyHere.size();
                layers.add(Layer.of("effectiveEntryRate", effective, people));
                layers.add(Layer.of("consultationRate", consulted.size(), people));
            }
            long consultedPaid = consultedPaid(orders, consulted);
            layers.add(Layer.of("consultedConversionRate", consultedPaid, consulted.size()));
            if (people != null) {
                layers.add(Layer.of("silentConversionRate", paid - consultedPaid, people - consulted.size()));
            }
        }
        layers.add(Layer.of("orderPaymentRate", orders.orderedAndPaidBuyerCount(), orders.orderBuyers().size()));
        if (people != null) {
            layers.add(Layer.of("dealConversionRate", paid, people));
        }
        List<String> missing = LAYER_KEYS.stream()
                .filter(k -> layers.stream().noneMatch(l -> l.key().equals(k))).toList();
        List<Layer> ordered = LAYER_KEYS.stream()
                .flatMap(k -> layers.stream().filter(l -> l.key().equals(k))).toList();
        return new Funnel(people, ordered, paid, missing);
    }

    /** The paying buyers who consulted: the first of the order buyers and every paying buyer without an order. */
    private static long consultedPaid(BuyerSets orders, Set<String> consulted) {
        return countIn(orders.orderBuyers().subList(0, orders.paidOrderBuyerCount()), consulted)
                + countIn(orders.paidNotOrderedBuyers(), consulted);
    }

    private static long countIn(List<String> buyers, Set<String> set) {
        long count = 0;
        for (String buyer : buyers) {
            count += set.contains(buyer) ? 1 : 0;
        }
        return count;
    }

    public Map<String, BigDecimal> metrics() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        layers.forEach(l -> values.put(l.key(), l.value()));
        return values;
    }
}
