package storeops.order.service;

import storeops.order.domain.OrderSnapshot;

/** One order of a sync batch: either a readable snapshot or the reason it could not be read. */
public record SyncItem(int index, String orderNo, OrderSnapshot snapshot, String error) {

    public static SyncItem of(int index, String orderNo, OrderSnapshot snapshot) {
        return new SyncItem(index, orderNo, snapshot, null);
    }

    public static SyncItem unreadable(int index, String orderNo, String error) {
        return new SyncItem(index, orderNo, null, error);
    }
}
