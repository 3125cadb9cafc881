package storeops.gateway.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import storeops.gateway.client.DayRange;
import storeops.gateway.client.DataVersion;

/**
 * The services' data versions of the ranges of days a composition reads, asked once before it
 * starts, and whether the caller lets kept parts stand in for composing ({@code Cache-Control:
 * no-cache} does not: every part is then composed, and kept for the next caller).
 */
final class SeenVersions {

    /** No version known: nothing is reused or kept. */
    static final SeenVersions NONE = new SeenVersions(Map.of(), Map.of(), Map.of(), false);

    private final Map<DayRange, String> traffic;
    private final Map<DayRange, String> orders;
    private final Map<DayRange, String> desk;
    private final boolean reuse;

    private SeenVersions(Map<DayRange, String> traffic, Map<DayRange, String> orders, Map<DayRange, String> desk,
            boolean reuse) {
        this.traffic = traffic;
        this.orders = orders;
        this.desk = desk;
        this.reuse = reuse;
    }

    /** Empty when a service did not tell its versions (or told fewer than asked). */
    static Optional<SeenVersions> of(ReadDays asked, Optional<DataVersion> traffic, Optional<DataVersion> orders,
            Optional<DataVersion> desk, boolean reuse) {
        if (!answers(asked.traffic(), traffic) || !answers(asked.orders(), orders) || !answers(asked.desk(), desk)) {
            return Optional.empty();
        }
        return Optional.of(new SeenVersions(byRange(asked.traffic(), traffic), byRange(asked.orders(), orders),
                byRange(asked.desk(), desk), reuse));
    }

    boolean reuse() {
        return reuse;
    }

    /** The tokens of the ranges the part reads, in order; empty when one of them was not asked. */
    Optional<List<String>> of(ReadDays reads) {
        List<String> tokens = new ArrayList<>();
        if (!add(reads.traffic(), traffic, tokens) || !add(reads.orders(), orders, tokens)
                || !add(reads.desk(), desk, tokens)) {
            return Optional.empty();
        }
        return Optional.of(tokens);
    }

    private static boolean add(List<DayRange> ranges, Map<DayRange, String> known, List<String> into) {
        for (DayRange range : ranges) {
            String token = known.get(range);
            if (token == null) {
                return false;
            }
            into.add(token);
        }
        return true;
    }

    private static boolean answers(List<DayRange> asked, Optional<DataVersion> answer) {
        return asked.isEmpty() || answer.isPresent() && answer.get().versions() != null
                && answer.get().versions().size() == asked.size();
    }

    private static Map<DayRange, String> byRange(List<DayRange> asked, Optional<DataVersion> answer) {
        Map<DayRange, String> tokens = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            tokens.put(asked.get(i), answer.get().versions().get(i));
        }
        return tokens;
    }
}
