package storeops.desk.scheduler;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import storeops.common.time.ShopCalendar;
import storeops.common.version.DataVersions;
import storeops.common.version.PassedDeadlines;
import storeops.desk.repository.TicketRepository;

/**
 * An unfinished ticket becomes an SLA breach when its deadline passes (rules.md), without any
 * write: the clock changes the figures of the day it was opened on, whose version this rule moves.
 * A ticket waiting on the buyer is left alone: its clock stands still.
 */
@Singleton // a normal scope's client proxy would need a no-args constructor of the rule
public class SlaDeadlineJob extends PassedDeadlines {

    private final TicketRepository tickets;

    public SlaDeadlineJob(TicketRepository tickets, ShopCalendar calendar, DataVersions versions, Clock clock) {
        super(calendar, versions, clock);
        this.tickets = tickets;
    }

    @Scheduled(identity = "sla-deadlines", every = "${storeops.desk.jobs.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        runOnce();
    }

    /**
     * The opening instants of the unfinished tickets whose deadline fell in {@code [after, until)}:
     * a ticket is breached once its clock is past the deadline, so the one due at {@code until} is
     * left to the next run.
     */
    @Override
    protected Map<String, List<Instant>> changedBy(Instant after, Instant until) {
        return tickets.openedWithDeadlineIn(after, until);
    }
}
