package storeops.order.repository;

import java.math.BigDecimal;

/** Counts over a set of orders: parents, their goods amount and buyers; their lines, items and products. */
public record OrderFigures(long parentOrders, BigDecimal amount, long buyers, long childOrders, long items,
        long products) {
}
