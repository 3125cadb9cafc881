package storeops.gateway.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A ratio as the contract answers it: {@code null} when the denominator is zero (or unknown), and
 * never rounded to fewer than 4 decimals (6 here, trailing zeros dropped).
 */
public final class Ratio {

    private static final int SCALE = 6;

    private Ratio() {
    }

    public static BigDecimal of(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return plain(numerator.divide(denominator, SCALE, RoundingMode.HALF_UP));
    }

    public static BigDecimal of(long numerator, long denominator) {
        return of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    public static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
