package storeops.order.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Ratios and per-buyer averages of the metrics: six decimals, {@code null} over a zero denominator (rules.md). */
final class Ratio {

    private Ratio() {
    }

    static BigDecimal of(BigDecimal numerator, long denominator) {
        return denominator == 0 ? null : numerator.divide(BigDecimal.valueOf(denominator), 6, RoundingMode.HALF_UP);
    }

    static BigDecimal of(long numerator, long denominator) {
        return of(BigDecimal.valueOf(numerator), denominator);
    }

    static BigDecimal of(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, 6, RoundingMode.HALF_UP);
    }
}
