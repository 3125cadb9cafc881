package storeops.desk.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import storeops.common.time.DayPeriod;
import storeops.desk.domain.FirstChat;

/** What the gateway joins with orders: the buyers who wrote to the shop, and when they first did each day. */
@ApplicationScoped
public class ChatJoinQuery {

    private final EntityManager em;

    public ChatJoinQuery(EntityManager em) {
        this.em = em;
    }

    /**
     * One row per (buyer, natural day) with a buyer message: the earliest buyer message of the day and
     * the agent of the buyer's first conversation (by startedAt) that day in which the buyer wrote.
     * Read in the order of ix_conversations_first_chats (day, buyer, startedAt), which holds every
     * column read: no sort, no row read back.
     */
    @SuppressWarnings("unchecked")
    public List<FirstChat> firstChats(String shopId, DayPeriod period) {
        List<Object[]> rows = em.createNativeQuery("SELECT buyer_id, day, agent_id, first_buyer_message_at"
                + " FROM conversations WHERE shop_id = ?1 AND day BETWEEN ?2 AND ?3"
                + " AND first_buyer_message_at IS NOT NULL ORDER BY day, buyer_id, started_at, conversation_id")
                .setParameter(1, shopId).setParameter(2, period.from().toString())
                .setParameter(3, period.to().toString()).getResultList();
        List<FirstChat> chats = new ArrayList<>();
        FirstChat current = null;
        for (Object[] r : rows) {
            String buyer = (String) r[0];
            LocalDate day = LocalDate.parse(String.valueOf(r[1]));
            Instant first = Instant.ofEpochMilli(((Number) r[3]).longValue());
            if (current != null && current.buyerId().equals(buyer) && current.day().equals(day)) {
                if (first.isBefore(current.firstMessageAt())) {
                    current = new FirstChat(buyer, day, first, current.agentId());
                    chats.set(chats.size() - 1, current);
                }
                continue;
            }
            current = new FirstChat(buyer, day, first, (String) r[2]);
            chats.add(current);
        }
        return chats;
    }

    @SuppressWarnings("unchecked")
    public List<String> consultedBuyers(String shopId, DayPeriod period) {
        return em.createNativeQuery("SELECT DISTINCT buyer_id FROM conversations"
                + " WHERE shop_id = ?1 AND day BETWEEN ?2 AND ?3 AND first_buyer_message_at IS NOT NULL ORDER BY buyer_id")
                .setParameter(1, shopId).setParameter(2, period.from().toString())
                .setParameter(3, period.to().toString()).getResultList();
    }
}
