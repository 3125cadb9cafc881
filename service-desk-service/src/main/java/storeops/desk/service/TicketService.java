package storeops.desk.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BiFunction;
import storeops.common.problem.ProblemException;
import storeops.common.time.ShopCalendar;
import storeops.common.version.WrittenDays;
import storeops.desk.config.DeskConfig;
import storeops.desk.domain.Ticket;
import storeops.desk.domain.TicketEvent;
import storeops.desk.domain.TicketHistory;
import storeops.desk.domain.TicketPriority;
import storeops.desk.domain.TicketType;
import storeops.desk.repository.TicketRepository;
import storeops.desk.rest.TicketCommand;
import storeops.desk.rest.TicketPage;
import storeops.desk.rest.TicketPayload;
import storeops.desk.rest.TicketView;
import storeops.desk.rest.TicketWriteResult;
import storeops.desk.rest.WriteOutcome;

/** Tickets: opening (idempotent by id), the lifecycle commands, and the lists of breaches. */
@ApplicationScoped
public class TicketService {

    private final TicketRepository tickets;
    private final EntityManager em;
    private final DeskConfig config;
    private final Clock clock;
    private final ShopCalendar calendar;
    private final WrittenDays written;

    public TicketService(TicketRepository tickets, EntityManager em, DeskConfig config, Clock clock,
            ShopCalendar calendar, WrittenDays written) {
        this.tickets = tickets;
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.calendar = calendar;
        this.written = written;
    }

    @Transactional
    public TicketWriteResult open(String shopId, String ticketId, TicketPayload p) {
        var existing = tickets.find(shopId, ticketId);
        written.declare(shopId);
        if (existing.isPresent()) {
            return new TicketWriteResult(WriteOutcome.UNCHANGED, view(existing.get(), false));
        }
        Ticket t = Ticket.open(shopId, ticketId, p.type(), p.openedAt() == null ? clock.instant() : p.openedAt(),
                Duration.ofHours(config.sla().hours(p.type())));
        t.orderNo = p.orderNo();
        t.buyerId = p.buyerId();
        t.assignee = p.assignee();
        t.priority = p.priority() == null ? TicketPriority.NORMAL : p.priority();
        t.note = p.note();
        tickets.persist(t);
        em.persist(t.opened());
        changedOn(t);
        return new TicketWriteResult(WriteOutcome.CREATED, view(t, false));
    }

    /** Opens a ticket of the desk's own making (a bad review) unless one with this id exists. */
    @Transactional
    public boolean openOnce(String shopId, String ticketId, TicketType type, String orderNo, String buyerId,
            Instant openedAt, String note) {
        if (tickets.find(shopId, ticketId).isPresent()) {
            return false;
        }
        open(shopId, ticketId, new TicketPayload(type, orderNo, buyerId, null, null, openedAt, note));
        return true;
    }

    @Transactional
    public TicketView command(String shopId, String ticketId, TicketEvent event, TicketCommand command) {
        TicketCommand c = command == null ? TicketCommand.NOW : command;
        Ticket t = find(shopId, ticketId);
        Instant at = c.at() == null ? clock.instant() : c.at();
        written.declare(shopId);
        if (isReplay(t, event, at, c)) {
            return view(t, true);
        }
        BiFunction<Instant, String, TicketHistory> transition = switch (event) {
            case ASSIGN -> {
                if (c.assignee() == null || c.assignee().isBlank()) {
                    throw ProblemException.invalidField("assignee", "is required to assign a ticket");
                }
                yield (when, note) -> t.assign(c.assignee(), when, note);
            }
            case START -> t::start;
            case WAIT_BUYER -> t::waitForBuyer;
            case RESUME -> t::resume;
            case RESOLVE -> t::resolve;
            case CLOSE -> t::close;
            case REOPEN -> t::reopen;
            case OPEN -> throw new IllegalStateException("a ticket is opened by PUT");
        };
        em.persist(transition.apply(at, c.note()));
        changedOn(t);
        return view(t, true);
    }

    /** The ticket figures count a ticket on the day it was opened, whatever happens to it later. */
    private void changedOn(Ticket t) {
        written.add(t.shopId, calendar.dayOf(t.shopId, t.openedAt));
    }

    public TicketView get(String shopId, String ticketId) {
        return view(find(shopId, ticketId), true);
    }

    public TicketPage search(String shopId, TicketRepository.Filter filter, int page, int size) {
        if (page < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw ProblemException.invalidField("size", "must be between 1 and 500");
        }
        if (filter.dueWithinHours() != null && filter.dueWithinHours() < 0) {
            throw ProblemException.invalidField("dueWithinHours", "must be 0 or more");
        }
        Instant now = clock.instant();
        var found = tickets.search(shopId, filter, now, page, size);
        return new TicketPage(found.tickets().stream().map(t -> TicketView.of(t, now, null)).toList(), page, size,
                found.total());
    }

    /** The same command at the same time again (a retry): already done, nothing to change. */
    private boolean isReplay(Ticket t, TicketEvent event, Instant at, TicketCommand c) {
        return tickets.lastChange(t.shopId, t.id)
                .filter(h -> h.event == event && h.at.equals(at)
                        && (event != TicketEvent.ASSIGN || Objects.equals(h.assignee, c.assignee())))
                .isPresent();
    }

    private Ticket find(String shopId, String ticketId) {
        return tickets.find(shopId, ticketId).orElseThrow(() -> ProblemException.notFound("No ticket " + ticketId));
    }

    private TicketView view(Ticket t, boolean withHistory) {
        return TicketView.of(t, clock.instant(), withHistory ? tickets.history(t.shopId, t.id) : null);
    }
}
