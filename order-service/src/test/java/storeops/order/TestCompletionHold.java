package storeops.order;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import storeops.order.service.CompletionHold;

/** Stands for a refund in progress: the orders a test puts here must not complete. */
@Singleton
public class TestCompletionHold implements CompletionHold {

    public final Set<String> held = ConcurrentHashMap.newKeySet();

    @Override
    public Set<String> heldOrders(String shopId, Collection<String> orderNos) {
        return orderNos.stream().filter(no -> held.contains(shopId + "/" + no)).collect(Collectors.toSet());
    }
}
