package storeops.order.paging;

import storeops.common.problem.ProblemException;

/** {@code ?page=0&size=50} as contract.md pages lists (size at most 500), and other bounded whole-number parameters. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 500;

    public static Paging parse(String page, String size) {
        return new Paging(bounded("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE),
                bounded("size", size, 50, 1, MAX_SIZE));
    }

    /** The parameter as a number within [min, max], its default when absent; a 400 naming it otherwise. */
    public static int bounded(String field, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "'" + value + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw ProblemException.invalidField(field, "must be between " + min + " and " + max);
        }
        return n;
    }
}
