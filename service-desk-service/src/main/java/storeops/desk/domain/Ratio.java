package storeops.desk.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Ratios and means as the contract answers them: null on a zero denominator, six decimals. */
public final class Ratio {

    private Ratio() {
    }

    public static Double of(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 6, RoundingMode.HALF_UP)
                        .doubleValue();
    }

    /** A mean of millisecond durations, in seconds. */
    public static Double seconds(long millisSum, long count) {
        return count == 0 ? null
                : BigDecimal.valueOf(millisSum).divide(BigDecimal.valueOf(count * 1000L), 6, RoundingMode.HALF_UP)
                        .doubleValue();
    }
}
