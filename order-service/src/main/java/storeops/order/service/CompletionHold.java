package storeops.order.service;

import java.util.Collection;
import java.util.Set;

/** Something that keeps shipped orders from completing automatically, such as a refund in progress. */
public interface CompletionHold {

    /** Of these orders of the shop, the ones that must not complete now. */
    Set<String> heldOrders(String shopId, Collection<String> orderNos);
}
