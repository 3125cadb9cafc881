package storeops.order.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import storeops.common.persistence.EpochMillisConverter;

/** A parent order (父订单): one checkout of one buyer in one shop. */
@Entity
@Table(name = "orders")
@IdClass(Order.Key.class)
public class Order {

    @Id
    @Column(name = "shop_id")
    public String shopId;

    @Id
    @Column(name = "order_no")
    public String orderNo;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Terminal terminal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "paid_at")
    public Instant paidAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "deposit_paid_at")
    public Instant depositPaidAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "shipped_at")
    public Instant shippedAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "finished_at")
    public Instant finishedAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "closed_at")
    public Instant closedAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;

    public boolean presale;
    public boolean cod;

    @Column(name = "free_shipping")
    public boolean freeShipping;

    @Column(precision = 14, scale = 2, nullable = false)
    public BigDecimal freight = BigDecimal.ZERO;

    /** The sum of the lines' payment: every amount metric uses it; freight is not part of it. */
    @Column(name = "goods_amount", precision = 14, scale = 2, nullable = false)
    public BigDecimal goodsAmount = BigDecimal.ZERO;

    @Column(name = "shipping_promise_hours")
    public Integer shippingPromiseHours;

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_lines", joinColumns = {
            @JoinColumn(name = "shop_id", referencedColumnName = "shop_id"),
            @JoinColumn(name = "order_no", referencedColumnName = "order_no")})
    @OrderBy("lineNo")
    public List<OrderLine> lines = new ArrayList<>();

    public void replaceLines(List<OrderLine> newLines) {
        lines.clear();
        lines.addAll(newLines);
        goodsAmount = newLines.stream().map(l -> l.payment).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static class Key implements Serializable {
        public String shopId;
        public String orderNo;

        public Key() {
        }

        public Key(String shopId, String orderNo) {
            this.shopId = shopId;
            this.orderNo = orderNo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(shopId, k.shopId) && Objects.equals(orderNo, k.orderNo);
        }

        @Override
        public int hashCode() {
            return Objects.hash(shopId, orderNo);
        }
    }
}
