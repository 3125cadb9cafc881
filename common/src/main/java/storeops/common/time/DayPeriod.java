package storeops.common.time;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import storeops.common.problem.ProblemException;

/** A period of natural days, inclusive at both ends, as the contract's ?from&to describe it. */
public record DayPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public DayPeriod {
        if (from == null || to == null) {
            throw ProblemException.invalidField(from == null ? "from" : "to", "is required (YYYY-MM-DD)");
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ProblemException.invalidField("to", "a period spans at most " + MAX_DAYS + " days");
        }
    }

    /** Parses the query parameters, answering a 400 problem on anything but two ISO dates. */
    public static DayPeriod parse(String from, String to) {
        return new DayPeriod(parseDay("from", from), parseDay("to", to));
    }

    public static LocalDate parseDay(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    public static DayPeriod ofDay(LocalDate day) {
        return new DayPeriod(day, day);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of equal length that ends the day before this one starts. */
    public DayPeriod previous() {
        return new DayPeriod(from.minusDays(days()), from.minusDays(1));
    }

    public List<LocalDate> eachDay() {
        List<LocalDate> all = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            all.add(d);
        }
        return all;
    }
}
