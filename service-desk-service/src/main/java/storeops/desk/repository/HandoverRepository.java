package storeops.desk.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import storeops.desk.domain.Handover;
import storeops.desk.domain.ShopScopedKey;

@ApplicationScoped
public class HandoverRepository implements PanacheRepositoryBase<Handover, ShopScopedKey> {

    public Optional<Handover> find(String shopId, String handoverId) {
        return findByIdOptional(new ShopScopedKey(shopId, handoverId));
    }

    /** The latest handover, or the latest one meant for an incoming agent. */
    public Optional<Handover> current(String shopId, String incomingAgentId) {
        return incomingAgentId == null
                ? find("shopId = ?1 order by handedOverAt desc, id desc", new Object[] {shopId}).firstResultOptional()
                : find("shopId = ?1 and (incomingAgentId = ?2 or incomingAgentId is null)"
                        + " order by handedOverAt desc, id desc", shopId, incomingAgentId).firstResultOptional();
    }
}
