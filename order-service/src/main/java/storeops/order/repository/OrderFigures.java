package storeops.order.repository;

import java.math.BigDecimal;

/**
 * Counts over a set of orders: parents, their goods amount and buyers, their lines (child orders)
 * and items, and distinct products (only when asked for: it needs the lines themselves).
 */
public record OrderFigures(long parentOrders, BigDecimal amount, long buyers, long childOrders, long items,
        long products) {
}
