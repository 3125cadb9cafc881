package storeops.order.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import storeops.common.problem.ProblemException;
import storeops.order.config.OrderConfig;
import storeops.order.domain.Actor;
import storeops.order.domain.Order;
import storeops.order.domain.OrderSnapshot;
import storeops.order.domain.TradeWindows;
import storeops.order.repository.DirtyDays;
import storeops.order.repository.OrderBulkWriter;
import storeops.order.repository.OrderRepository;
import storeops.order.rest.UpsertResult;
import storeops.order.rest.UpsertResult.Outcome;

/**
 * ERP and platform updates: idempotent, an update older than the stored one changes nothing, and
 * an update the lifecycle forbids is rejected alone while the rest of its batch applies.
 */
@ApplicationScoped
public class OrderSyncService {

    private final OrderRepository orders;
    private final OrderBulkWriter writer;
    private final OrderConfig config;
    private final DirtyDays dirtyDays;

    public OrderSyncService(OrderRepository orders, OrderBulkWriter writer, OrderConfig config, DirtyDays dirtyDays) {
        this.orders = orders;
        this.writer = writer;
        this.config = config;
        this.dirtyDays = dirtyDays;
    }

    /** One order: a forbidden transition or an inconsistent order is an error answer, not a result. */
    public UpsertResult upsert(String shopId, String orderNo, OrderSnapshot snapshot) {
        List<UpsertResult> results = sync(shopId, List.of(SyncItem.of(0, orderNo, snapshot)), true);
        UpsertResult result = results.get(0);
        return new UpsertResult(result.orderNo(), result.outcome(), result.detail());
    }

    public List<UpsertResult> sync(String shopId, List<SyncItem> items) {
        return sync(shopId, items, false);
    }

    private List<UpsertResult> sync(String shopId, List<SyncItem> items, boolean throwRefusal) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(shopId, items, throwRefusal));
        } catch (PersistenceException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // another replica created one of these orders meanwhile: now it is stored, so it updates
            return QuarkusTransaction.requiringNew().call(() -> apply(shopId, items, throwRefusal));
        }
    }

    private List<UpsertResult> apply(String shopId, List<SyncItem> items, boolean throwRefusal) {
        TradeWindows windows = config.windowsOf(shopId);
        Map<String, Order> known = orders.findAll(shopId,
                items.stream().filter(i -> i.snapshot() != null).map(SyncItem::orderNo).distinct().toList());
        Map<String, Order> created = new LinkedHashMap<>();
        List<UpsertResult> results = new ArrayList<>(items.size());
        for (SyncItem item : items) {
            if (item.error() != null) {
                results.add(new UpsertResult(item.index(), item.orderNo(), Outcome.REJECTED, item.error()));
                continue;
            }
            try {
                results.add(new UpsertResult(item.index(), item.orderNo(),
                        applyOne(shopId, item, windows, known, created), null));
            } catch (ProblemException refused) {
                if (throwRefusal) {
                    throw refused;
                }
                results.add(new UpsertResult(item.index(), item.orderNo(), Outcome.REJECTED, refused.getMessage()));
            }
        }
        // stored orders the batch changed leave and enter days; new ones are marked by the writer
        dirtyDays.changed(shopId, known.values().stream().filter(o -> !created.containsKey(o.orderNo)).toList());
        writer.insert(created.values());
        return results.stream().map(r -> r.outcome() == Outcome.STALE
                ? new UpsertResult(r.index(), r.orderNo(), r.outcome(), staleDetail(known.get(r.orderNo())))
                : r).toList();
    }

    private static Outcome applyOne(String shopId, SyncItem item, TradeWindows windows, Map<String, Order> known,
            Map<String, Order> created) {
        OrderSnapshot snapshot = item.snapshot();
        Order order = known.get(item.orderNo());
        if (order == null) {
            order = Order.place(shopId, item.orderNo(), snapshot, windows, Actor.ERP_SYNC);
            known.put(item.orderNo(), order);
            created.put(item.orderNo(), order);
            return Outcome.CREATED;
        }
        if (snapshot.modifiedAt().isBefore(order.modifiedAt)) {
            return Outcome.STALE;
        }
        if (order.matches(snapshot)) {
            return Outcome.UNCHANGED;
        }
        order.syncFrom(snapshot, windows);
        return created.containsKey(item.orderNo()) ? Outcome.CREATED : Outcome.UPDATED;
    }

    private static String staleDetail(Order stored) {
        return "older than the stored modifiedAt " + stored.modifiedAt + ": ignored";
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException
                    || t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
