package storeops.desk.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import storeops.desk.domain.ShopScopedKey;
import storeops.desk.domain.Ticket;
import storeops.desk.domain.TicketEvent;
import storeops.desk.domain.TicketHistory;
import storeops.desk.domain.TicketStatus;
import storeops.desk.domain.TicketType;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, ShopScopedKey> {

    /**
     * The SLA clock in SQL, the same rule as {@link Ticket#breached}: it stopped when the ticket was
     * resolved or closed, stands still while waiting on the buyer, otherwise it is now.
     */
    private static final String CLOCK = "COALESCE(clock_stopped_at, waiting_since, :now)";
    private static final String DEADLINE = "(deadline_at + paused_ms)";
    private static final String UNFINISHED = "status NOT IN ('RESOLVED', 'CLOSED')";

    public record Filter(TicketStatus status, TicketType type, String assignee, Boolean breached,
            boolean includeFinished, Integer dueWithinHours) {
    }

    public record Page(List<Ticket> tickets, long total) {
    }

    /** Tickets opened in a period: how many, how many are resolved or closed, how many are past their SLA. */
    public record OpenedTickets(long opened, long resolvedOrClosed, long breached) {
    }

    private final EntityManager em;

    public TicketRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Ticket> find(String shopId, String ticketId) {
        return findByIdOptional(new ShopScopedKey(shopId, ticketId));
    }

    public List<TicketHistory> history(String shopId, String ticketId) {
        return em.createQuery("from TicketHistory where shopId = ?1 and ticketId = ?2 order by id", TicketHistory.class)
                .setParameter(1, shopId).setParameter(2, ticketId).getResultList();
    }

    public Optional<TicketHistory> lastChange(String shopId, String ticketId) {
        return em.createQuery("from TicketHistory where shopId = ?1 and ticketId = ?2 order by id desc",
                TicketHistory.class).setParameter(1, shopId).setParameter(2, ticketId).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** Most urgent first: the earliest (pause-extended) deadline. */
    @SuppressWarnings("unchecked")
    public Page search(String shopId, Filter f, Instant now, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE shop_id = :shop");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("shop", shopId);
        if (f.status() != null) {
            where.append(" AND status = :status");
            params.put("status", f.status().name());
        }
        if (f.type() != null) {
            where.append(" AND type = :type");
            params.put("type", f.type().name());
        }
        if (f.assignee() != null) {
            where.append(" AND assignee = :assignee");
            params.put("assignee", f.assignee());
        }
        if (Boolean.TRUE.equals(f.breached())) {
            where.append(" AND ").append(CLOCK).append(" > ").append(DEADLINE);
            if (!f.includeFinished()) {
                where.append(" AND ").append(UNFINISHED);
            }
        } else if (Boolean.FALSE.equals(f.breached())) {
            where.append(" AND ").append(CLOCK).append(" <= ").append(DEADLINE);
        }
        if (f.dueWithinHours() != null) {
            // near a breach: the clock is running (not paused, not stopped) and the deadline is close
            where.append(" AND ").append(UNFINISHED).append(" AND waiting_since IS NULL AND ").append(DEADLINE)
                    .append(" >= :now AND ").append(DEADLINE).append(" <= :horizon");
            params.put("horizon", now.toEpochMilli() + f.dueWithinHours() * 3_600_000L);
        }
        boolean usesNow = where.indexOf(":now") >= 0;
        if (usesNow) {
            params.put("now", now.toEpochMilli());
        }
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM tickets" + where);
        Query list = em.createNativeQuery("SELECT * FROM tickets" + where + " ORDER BY " + DEADLINE + ", ticket_id",
                Ticket.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<Ticket> tickets = list.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page(tickets, total);
    }

    /** Tickets opened in [from, to), judged as of now. */
    public OpenedTickets openedIn(String shopId, Instant from, Instant to, Instant now) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*),"
                + " COALESCE(SUM(CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN " + CLOCK + " > " + DEADLINE + " THEN 1 ELSE 0 END), 0)"
                + " FROM tickets WHERE shop_id = :shop AND opened_at >= :from AND opened_at < :to")
                .setParameter("shop", shopId).setParameter("from", from.toEpochMilli())
                .setParameter("to", to.toEpochMilli()).setParameter("now", now.toEpochMilli()).getSingleResult();
        return new OpenedTickets(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue());
    }

    /**
     * Per shop, the opening instants of the unfinished tickets whose SLA clock runs (not waiting on
     * the buyer) and whose deadline fell in [after, until): past their SLA since, with no write.
     */
    @SuppressWarnings("unchecked")
    public Map<String, List<Instant>> openedWithDeadlineIn(Instant after, Instant until) {
        // open or in progress (not waiting on the buyer): the clock runs; deadline_at <= DEADLINE bounds the index range
        List<Object[]> rows = em.createNativeQuery("SELECT shop_id, opened_at FROM tickets"
                + " WHERE status IN ('OPEN', 'IN_PROGRESS') AND waiting_since IS NULL AND deadline_at < :until"
                + " AND " + DEADLINE + " >= :after AND " + DEADLINE + " < :until")
                .setParameter("after", after.toEpochMilli()).setParameter("until", until.toEpochMilli())
                .getResultList();
        Map<String, List<Instant>> byShop = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byShop.computeIfAbsent((String) r[0], s -> new ArrayList<>())
                    .add(Instant.ofEpochMilli(((Number) r[1]).longValue()));
        }
        return byShop;
    }

    /** Per assignee: distinct tickets with a change in [from, to), all of them or only one kind of event. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> changedPerAssignee(String shopId, Instant from, Instant to, TicketEvent only) {
        Query q = em.createNativeQuery("SELECT assignee, COUNT(DISTINCT ticket_id) FROM ticket_history"
                + " WHERE shop_id = :shop AND at >= :from AND at < :to AND assignee IS NOT NULL"
                + (only == null ? "" : " AND event = :event") + " GROUP BY assignee")
                .setParameter("shop", shopId).setParameter("from", from.toEpochMilli())
                .setParameter("to", to.toEpochMilli());
        if (only != null) {
            q.setParameter("event", only.name());
        }
        return counts(q.getResultList());
    }

    /** Per assignee: tickets whose (pause-extended) deadline fell in [from, to) and was missed, as of now. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> breachedPerAssignee(String shopId, Instant from, Instant to, Instant now) {
        List<Object[]> rows = em.createNativeQuery("SELECT assignee, COUNT(*) FROM tickets"
                + " WHERE shop_id = :shop AND assignee IS NOT NULL AND " + CLOCK + " > " + DEADLINE
                + " AND " + DEADLINE + " >= :from AND " + DEADLINE + " < :to GROUP BY assignee")
                .setParameter("shop", shopId).setParameter("from", from.toEpochMilli())
                .setParameter("to", to.toEpochMilli()).setParameter("now", now.toEpochMilli()).getResultList();
        return counts(rows);
    }

    private static Map<String, Long> counts(List<Object[]> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    /** Open tickets of an agent (resolved and closed ones need no handing over). */
    public List<Ticket> unfinishedOf(String shopId, String assignee) {
        return list("shopId = ?1 and assignee = ?2 and status not in ?3 order by deadlineAt, id", shopId, assignee,
                List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED));
    }
}
