package storeops.traffic.repository;

import java.util.Arrays;
import java.util.stream.Collectors;
import storeops.traffic.domain.Source;

/**
 * SQL over a visitor-day's {@code sources} mask in plain arithmetic: MySQL and MariaDB have the
 * bitwise operators {@code &} and {@code |} but no {@code BITAND}/{@code BITOR}, H2 the other way round.
 */
final class SourceMaskSql {

    private SourceMaskSql() {
    }

    /** True when the mask in {@code column} has the bit of {@code source}. */
    static String has(String column, Source source) {
        return bit(column, source) + " = 1";
    }

    /** The bitwise OR of two masks: each channel's bit is the greater of the two. */
    static String union(String left, String right) {
        return Arrays.stream(Source.values())
                .map(s -> "GREATEST(" + bit(left, s) + ", " + bit(right, s) + ") * " + s.bit())
                .collect(Collectors.joining(" + "));
    }

    private static String bit(String column, Source source) {
        return "MOD(FLOOR(" + column + " / " + source.bit() + "), 2)";
    }
}
