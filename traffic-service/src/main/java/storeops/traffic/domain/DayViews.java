package storeops.traffic.domain;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The VIEWs of one natural day as sorted numbers: visitor key (31 bits), milliseconds since the
 * day's base (28 bits), source (3 bits). Sorted, a visitor's views of the day sit together in time
 * order, so its last view before an instant is one search ({@link Reader}). Eight bytes a view: a day of
 * 200,000 views is 1.6 MB.
 *
 * <p>The base is the day's UTC midnight less 14 hours, so that the day of every zone (UTC-12 to
 * UTC+14) falls within the 74 hours the time field holds.
 */
public final class DayViews {

    private static final int SOURCE_BITS = 3;
    private static final int TIME_BITS = 28;
    private static final long TIME_MAX = (1L << TIME_BITS) - 1;
    private static final long SOURCE_MASK = (1L << SOURCE_BITS) - 1;
    private static final long BASE_BEFORE_UTC_MIDNIGHT = 14 * 3_600_000L;
    private static final Source[] SOURCES = Source.values();

    /** A VIEW of a visitor: when (epoch ms) and from which channel. */
    public record View(long at, Source source) {
    }

    private final LocalDate day;
    private final long base;
    private final long[] sorted;

    private DayViews(LocalDate day, long[] sorted) {
        this.day = day;
        this.base = baseOf(day);
        this.sorted = sorted;
    }

    /** Takes ownership of {@code packed}, sorting it. */
    public static DayViews of(LocalDate day, long[] packed) {
        Arrays.sort(packed);
        return new DayViews(day, packed);
    }

    /** The packed form of a view, or -1 when the view lies outside what the day's packing holds. */
    public static long pack(LocalDate day, int visitorKey, long atMillis, Source source) {
        long time = atMillis - baseOf(day);
        if (visitorKey < 0 || time < 0 || time > TIME_MAX) {
            return -1;
        }
        return ((long) visitorKey << (TIME_BITS + SOURCE_BITS)) | (time << SOURCE_BITS) | source.ordinal();
    }

    private static long baseOf(LocalDate day) {
        return day.toEpochDay() * 86_400_000L - BASE_BEFORE_UTC_MIDNIGHT;
    }

    public LocalDate day() {
        return day;
    }

    public int size() {
        return sorted.length;
    }

    /** This day's views followed by {@code more}'s (same day), sorted. */
    public DayViews with(long[] more) {
        long[] all = Arrays.copyOf(sorted, sorted.length + more.length);
        System.arraycopy(more, 0, all, sorted.length, more.length);
        return of(day, all);
    }

    /** The packed views, sorted (shared: not to be modified). */
    public long[] packed() {
        return sorted;
    }

    /**
     * A reader for queries in increasing (visitor key, instant) order: each search starts where the
     * previous one ended and gallops forward, so a batch sorted that way walks each day once instead of
     * binary-searching its megabytes from the top for every query.
     */
    public Reader reader() {
        return new Reader();
    }

    public final class Reader {
        /** The last index at or below the previous bound; bounds only grow. */
        private int position = -1;

        private Reader() {
        }

        /**
         * The visitor's last view of this day at or before the instant, or null; the query must not
         * come before the previous one in (visitor key, instant) order.
         */
        public View lastAtOrBefore(int visitorKey, long atMillis) {
            long bound = boundOf(visitorKey, atMillis);
            if (bound < 0) {
                return null;
            }
            int low = position; // sorted[low] <= bound (or low == -1)
            int step = 1;
            while (low + step < sorted.length && sorted[low + step] <= bound) {
                low += step;
                step <<= 1;
            }
            int high = Math.min(sorted.length, low + step); // sorted[high] > bound, or the end
            if (high - low > 1) {
                int index = Arrays.binarySearch(sorted, low + 1, high, bound);
                low = index >= 0 ? index : -index - 2;
            }
            position = low;
            return viewAt(low, visitorKey);
        }
    }

    /** The largest packed value a view of the visitor at or before the instant can have, or -1. */
    private long boundOf(int visitorKey, long atMillis) {
        long time = atMillis - base;
        if (time < 0 || visitorKey < 0) {
            return -1;
        }
        return ((long) visitorKey << (TIME_BITS + SOURCE_BITS)) | (Math.min(time, TIME_MAX) << SOURCE_BITS)
                | SOURCE_MASK;
    }

    private View viewAt(int index, int visitorKey) {
        if (index < 0 || (sorted[index] >>> (TIME_BITS + SOURCE_BITS)) != visitorKey) {
            return null;
        }
        long packed = sorted[index];
        return new View(base + ((packed >>> SOURCE_BITS) & TIME_MAX), SOURCES[(int) (packed & SOURCE_MASK)]);
    }
}
