package storeops.desk.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An agent's time on one day from shift events: working = signed in and not on a break; what lies
 * outside the day is cut off, and a shift still open counts up to {@code until} (now, or the day's end).
 *
 * @param firstSignInAt the first sign-in within the day
 * @param lastSignOutAt the last sign-out within the day
 */
public record WorkTime(Instant firstSignInAt, Instant lastSignOutAt, long workSeconds, long breakSeconds) {

    public record Event(ShiftEvent event, Instant at) {
    }

    /** @param events in time order, starting early enough to know the state at {@code dayStart} */
    public static WorkTime of(List<Event> events, Instant dayStart, Instant dayEnd, Instant until) {
        ShiftState state = ShiftState.OFF;
        Instant since = null;
        Instant firstIn = null;
        Instant lastOut = null;
        long work = 0;
        long breaks = 0;
        for (Event e : events) {
            if (!e.at().isBefore(dayEnd)) {
                break;
            }
            if (state == ShiftState.WORKING) {
                work += clipped(since, e.at(), dayStart, dayEnd);
            } else if (state == ShiftState.ON_BREAK) {
                breaks += clipped(since, e.at(), dayStart, dayEnd);
            }
            boolean inDay = !e.at().isBefore(dayStart);
            if (inDay && e.event() == ShiftEvent.SIGN_IN && firstIn == null) {
                firstIn = e.at();
            }
            if (inDay && e.event() == ShiftEvent.SIGN_OUT) {
                lastOut = e.at();
            }
            // events were checked when recorded; the window may start in the middle of a shift
            state = ShiftState.after(e.event());
            since = e.at();
        }
        Instant end = until.isBefore(dayEnd) ? until : dayEnd;
        if (state == ShiftState.WORKING) {
            work += clipped(since, end, dayStart, dayEnd);
        } else if (state == ShiftState.ON_BREAK) {
            breaks += clipped(since, end, dayStart, dayEnd);
        }
        return new WorkTime(firstIn, lastOut, work / 1000, breaks / 1000);
    }

    private static long clipped(Instant from, Instant to, Instant dayStart, Instant dayEnd) {
        Instant a = from.isBefore(dayStart) ? dayStart : from;
        Instant b = to.isAfter(dayEnd) ? dayEnd : to;
        return b.isAfter(a) ? Duration.between(a, b).toMillis() : 0;
    }
}
