package storeops.desk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import storeops.common.persistence.EpochMillisConverter;
import storeops.common.problem.IllegalTransitionException;
import storeops.common.problem.ProblemException;

/**
 * A service ticket and its SLA clock. The deadline is fixed at opening (openedAt + the type's
 * hours) and extended by the time spent waiting on the buyer; resolving or closing stops the
 * clock, reopening restarts it against the same deadline. Every event method answers the history
 * row of its change, or throws a 409 naming the state and the event.
 */
@Entity
@Table(name = "tickets")
@IdClass(ShopScopedKey.class)
public class Ticket {

    @Id
    @Column(name = "shop_id")
    public String shopId;

    @Id
    @Column(name = "ticket_id")
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketType type;

    @Column(name = "order_no")
    public String orderNo;

    @Column(name = "buyer_id")
    public String buyerId;

    public String assignee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketPriority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;

    public String note;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    /** openedAt + the type's SLA hours; never moved, the pauses are kept apart. */
    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "deadline_at", nullable = false)
    public Instant deadlineAt;

    @Column(name = "paused_ms", nullable = false)
    public long pausedMs;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "waiting_since")
    public Instant waitingSince;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "clock_stopped_at")
    public Instant clockStoppedAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "closed_at")
    public Instant closedAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "last_event_at", nullable = false)
    public Instant lastEventAt;

    @Version
    public long version;

    public static Ticket open(String shopId, String id, TicketType type, Instant openedAt, Duration sla) {
        Ticket t = new Ticket();
        t.shopId = shopId;
        t.id = id;
        t.type = type;
        t.priority = TicketPriority.NORMAL;
        t.status = TicketStatus.OPEN;
        t.openedAt = openedAt;
        t.deadlineAt = openedAt.plus(sla);
        t.lastEventAt = openedAt;
        return t;
    }

    public TicketHistory opened() {
        return change(TicketEvent.OPEN, null, openedAt, note);
    }

    public TicketHistory assign(String newAssignee, Instant at, String note) {
        require(TicketEvent.ASSIGN, at, TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_BUYER);
        assignee = newAssignee;
        return change(TicketEvent.ASSIGN, status, at, note);
    }

    public TicketHistory start(Instant at, String note) {
        TicketStatus from = require(TicketEvent.START, at, TicketStatus.OPEN);
        status = TicketStatus.IN_PROGRESS;
        return change(TicketEvent.START, from, at, note);
    }

    public TicketHistory waitForBuyer(Instant at, String note) {
        TicketStatus from = require(TicketEvent.WAIT_BUYER, at, TicketStatus.IN_PROGRESS);
        status = TicketStatus.WAITING_BUYER;
        waitingSince = at;
        return change(TicketEvent.WAIT_BUYER, from, at, note);
    }

    public TicketHistory resume(Instant at, String note) {
        TicketStatus from = require(TicketEvent.RESUME, at, TicketStatus.WAITING_BUYER);
        endWait(at);
        status = TicketStatus.IN_PROGRESS;
        return change(TicketEvent.RESUME, from, at, note);
    }

    public TicketHistory resolve(Instant at, String note) {
        TicketStatus from = require(TicketEvent.RESOLVE, at, TicketStatus.OPEN, TicketStatus.IN_PROGRESS,
                TicketStatus.WAITING_BUYER);
        endWait(at);
        status = TicketStatus.RESOLVED;
        resolvedAt = at;
        clockStoppedAt = at;
        return change(TicketEvent.RESOLVE, from, at, note);
    }

    /** Closing a resolved ticket files it; closing an unresolved one gives it up and also stops the clock. */
    public TicketHistory close(Instant at, String note) {
        TicketStatus from = require(TicketEvent.CLOSE, at, TicketStatus.OPEN, TicketStatus.IN_PROGRESS,
                TicketStatus.WAITING_BUYER, TicketStatus.RESOLVED);
        endWait(at);
        status = TicketStatus.CLOSED;
        closedAt = at;
        if (clockStoppedAt == null) {
            clockStoppedAt = at;
        }
        return change(TicketEvent.CLOSE, from, at, note);
    }

    /** Back to work against the original deadline: the time it sat resolved counts against the SLA. */
    public TicketHistory reopen(Instant at, String note) {
        TicketStatus from = require(TicketEvent.REOPEN, at, TicketStatus.RESOLVED, TicketStatus.CLOSED);
        status = TicketStatus.IN_PROGRESS;
        resolvedAt = null;
        closedAt = null;
        clockStoppedAt = null;
        return change(TicketEvent.REOPEN, from, at, note);
    }

    /** The deadline as of {@code now}: the original one, pushed back by every wait on the buyer. */
    public Instant effectiveDeadline(Instant now) {
        Instant deadline = deadlineAt.plusMillis(pausedMs);
        return waitingSince == null ? deadline : deadline.plus(Duration.between(waitingSince, now));
    }

    /**
     * Past its SLA as of {@code now}: the clock runs until the ticket is resolved or closed and
     * stands still while waiting on the buyer; the SLA is met when the clock stops at or before the
     * deadline.
     */
    public boolean breached(Instant now) {
        Instant clock = clockStoppedAt != null ? clockStoppedAt : waitingSince != null ? waitingSince : now;
        return clock.isAfter(deadlineAt.plusMillis(pausedMs));
    }

    private void endWait(Instant at) {
        if (waitingSince != null) {
            pausedMs += Duration.between(waitingSince, at).toMillis();
            waitingSince = null;
        }
    }

    private TicketStatus require(TicketEvent event, Instant at, TicketStatus... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw new IllegalTransitionException("Ticket " + id, status, event.command());
        }
        if (at.isBefore(lastEventAt)) {
            throw ProblemException.invalidField("at", "is before the ticket's last change at " + lastEventAt);
        }
        return status;
    }

    private TicketHistory change(TicketEvent event, TicketStatus from, Instant at, String note) {
        lastEventAt = at;
        TicketHistory h = new TicketHistory();
        h.shopId = shopId;
        h.ticketId = id;
        h.event = event;
        h.fromStatus = from;
        h.toStatus = status;
        h.at = at;
        h.assignee = assignee;
        h.note = note;
        return h;
    }
}
