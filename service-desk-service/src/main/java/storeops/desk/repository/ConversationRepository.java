package storeops.desk.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import storeops.desk.domain.Conversation;
import storeops.desk.domain.ShopScopedKey;

@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<Conversation, ShopScopedKey> {

    public Optional<Conversation> find(String shopId, String conversationId) {
        return findByIdOptional(new ShopScopedKey(shopId, conversationId));
    }

    /** Conversations of an agent whose buyer still waits for an answer, oldest wait first. */
    public List<Conversation> unansweredOf(String shopId, String agentId) {
        return list("shopId = ?1 and agentId = ?2 and waitingSince is not null order by waitingSince, id",
                shopId, agentId);
    }
}
