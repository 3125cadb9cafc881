package storeops.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import storeops.common.persistence.EpochMillisConverter;

/** One row of an order's status history: every change says when, who, by which event and why. */
@Entity
@Table(name = "order_status_history")
public class OrderStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumns({
            @JoinColumn(name = "shop_id", referencedColumnName = "shop_id"),
            @JoinColumn(name = "order_no", referencedColumnName = "order_no")})
    public Order order;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public OrderStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public OrderStatus toStatus;

    @Column(nullable = false)
    public String event;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Actor actor;

    public String reason;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "at_ms", nullable = false)
    public Instant at;

    protected OrderStatusChange() {
    }

    OrderStatusChange(Order order, OrderStatus from, OrderStatus to, String event, Actor actor, String reason,
            Instant at) {
        this.order = order;
        this.fromStatus = from;
        this.toStatus = to;
        this.event = event;
        this.actor = actor;
        this.reason = reason == null ? null : reason.length() > 255 ? reason.substring(0, 255) : reason;
        this.at = at;
    }
}
