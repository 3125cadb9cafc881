package storeops.desk.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import storeops.desk.domain.ShiftEvent;
import storeops.desk.domain.WorkTime;

/** Shift events, keyed by (agent, time, event) so that a replayed event is recognised. */
@ApplicationScoped
public class ShiftRepository {

    /** Events at the same instant in the order a shift allows them. */
    private static final String EVENT_ORDER = "CASE event WHEN 'SIGN_IN' THEN 0 WHEN 'BREAK_END' THEN 1"
            + " WHEN 'BREAK_START' THEN 2 ELSE 3 END";

    private final EntityManager em;

    public ShiftRepository(EntityManager em) {
        this.em = em;
    }

    public boolean exists(String shopId, String agentId, ShiftEvent event, Instant at) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM shift_events"
                + " WHERE shop_id = ?1 AND agent_id = ?2 AND at = ?3 AND event = ?4")
                .setParameter(1, shopId).setParameter(2, agentId).setParameter(3, at.toEpochMilli())
                .setParameter(4, event.name()).getSingleResult()).longValue() > 0;
    }

    @SuppressWarnings("unchecked")
    public Optional<WorkTime.Event> last(String shopId, String agentId) {
        List<Object[]> rows = em.createNativeQuery("SELECT event, at FROM shift_events"
                + " WHERE shop_id = ?1 AND agent_id = ?2 ORDER BY at DESC, " + EVENT_ORDER + " DESC")
                .setParameter(1, shopId).setParameter(2, agentId).setMaxResults(1).getResultList();
        return rows.stream().findFirst().map(r -> new WorkTime.Event(ShiftEvent.valueOf((String) r[0]),
                Instant.ofEpochMilli(((Number) r[1]).longValue())));
    }

    public void insert(String shopId, String agentId, ShiftEvent event, Instant at) {
        em.createNativeQuery("INSERT INTO shift_events (shop_id, agent_id, at, event) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, shopId).setParameter(2, agentId).setParameter(3, at.toEpochMilli())
                .setParameter(4, event.name()).executeUpdate();
    }

    /** Events in [from, to) per agent, each list in time order. */
    @SuppressWarnings("unchecked")
    public Map<String, List<WorkTime.Event>> byAgent(String shopId, Instant from, Instant to) {
        List<Object[]> rows = em.createNativeQuery("SELECT agent_id, event, at FROM shift_events"
                + " WHERE shop_id = ?1 AND at >= ?2 AND at < ?3 ORDER BY agent_id, at, " + EVENT_ORDER)
                .setParameter(1, shopId).setParameter(2, from.toEpochMilli()).setParameter(3, to.toEpochMilli())
                .getResultList();
        Map<String, List<WorkTime.Event>> events = new LinkedHashMap<>();
        for (Object[] r : rows) {
            events.computeIfAbsent((String) r[0], a -> new ArrayList<>()).add(new WorkTime.Event(
                    ShiftEvent.valueOf((String) r[1]), Instant.ofEpochMilli(((Number) r[2]).longValue())));
        }
        return events;
    }
}
