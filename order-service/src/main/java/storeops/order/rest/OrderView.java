package storeops.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import storeops.common.security.ContactMasking;
import storeops.order.domain.MemoFlag;
import storeops.order.domain.Order;
import storeops.order.domain.OrderStatus;
import storeops.order.domain.Terminal;

/** An order as the API answers it; the receiver's phone and address are masked for every role but operator. */
public record OrderView(String orderNo, String buyerId, Terminal terminal, OrderStatus status, Instant createdAt,
        Instant paidAt, Instant depositPaidAt, Instant shippedAt, Instant finishedAt, Instant closedAt,
        boolean presale, boolean cod, boolean freeShipping, BigDecimal freight, BigDecimal goodsAmount,
        Integer shippingPromiseHours, Integer payTimeoutMinutes, Instant payDeadline, Instant receiptDeadline,
        int receiptExtensionDays, String receiverName, String receiverPhone, String receiverAddress, Memo memo,
        Instant modifiedAt, long version, List<Line> lines) {

    public record Line(int lineNo, String productId, String skuId, int quantity, BigDecimal price, BigDecimal payment,
            Instant shippedAt) {
    }

    public record Memo(MemoFlag flag, String note, String by, Instant at) {
    }

    public static OrderView of(Order o, ContactMasking masking) {
        return new OrderView(o.orderNo, o.buyerId, o.terminal, o.status, o.createdAt, o.paidAt, o.depositPaidAt,
                o.shippedAt, o.finishedAt, o.closedAt, o.presale, o.cod, o.freeShipping, o.freight, o.goodsAmount,
                o.shippingPromiseHours, o.payTimeoutMinutes, o.payDeadline, o.receiptDeadline,
                o.receiptExtensionDays, o.receiverName, masking.phone(o.receiverPhone),
                masking.address(o.receiverAddress),
                o.memoFlag == null && o.memoNote == null ? null : new Memo(o.memoFlag, o.memoNote, o.memoBy, o.memoAt),
                o.modifiedAt, o.version,
                o.lines.stream().map(l -> new Line(l.lineNo, l.productId, l.skuId, l.quantity, l.price, l.payment,
                        l.shippedAt)).toList());
    }
}
