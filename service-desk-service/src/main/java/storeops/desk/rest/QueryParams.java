package storeops.desk.rest;

import java.util.Arrays;
import storeops.common.problem.ProblemException;

/** Query parameters read by hand, so that a bad value is a 400 naming the field rather than a bare 404. */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field,
                    "unknown value '" + value + "', expected one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "'" + value + "' is not a whole number");
        }
    }
}
