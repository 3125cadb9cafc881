package storeops.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The whole order as the platform or an ERP knows it, already validated field by field. */
public record OrderSnapshot(String buyerId, Terminal terminal, OrderStatus status, Instant createdAt, Instant paidAt,
        Instant depositPaidAt, Instant shippedAt, Instant finishedAt, Instant closedAt, boolean presale, boolean cod,
        boolean freeShipping, BigDecimal freight, Integer shippingPromiseHours, Integer payTimeoutMinutes,
        String receiverName, String receiverPhone, String receiverAddress, Instant modifiedAt, List<Line> lines) {

    public record Line(int lineNo, String productId, String skuId, int quantity, BigDecimal price, BigDecimal payment) {
    }
}
