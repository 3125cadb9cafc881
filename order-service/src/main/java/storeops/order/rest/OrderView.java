package storeops.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import storeops.order.domain.Order;
import storeops.order.domain.OrderStatus;
import storeops.order.domain.Terminal;

/** An order as the API answers it. */
public record OrderView(String orderNo, String buyerId, Terminal terminal, OrderStatus status, Instant createdAt,
        Instant paidAt, Instant depositPaidAt, Instant shippedAt, Instant finishedAt, Instant closedAt,
        boolean presale, boolean cod, boolean freeShipping, BigDecimal freight, BigDecimal goodsAmount,
        Integer shippingPromiseHours, Instant modifiedAt, List<OrderPayload.Line> lines) {

    public static OrderView of(Order o) {
        return new OrderView(o.orderNo, o.buyerId, o.terminal, o.status, o.createdAt, o.paidAt, o.depositPaidAt,
                o.shippedAt, o.finishedAt, o.closedAt, o.presale, o.cod, o.freeShipping, o.freight, o.goodsAmount,
                o.shippingPromiseHours, o.modifiedAt,
                o.lines.stream().map(l -> new OrderPayload.Line(l.lineNo, l.productId, l.skuId, l.quantity, l.price,
                        l.payment)).toList());
    }
}
