package storeops.order.refund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import storeops.common.persistence.EpochMillisConverter;

/** A row of a refund's status history: what happened, when, and who did it. */
@Entity
@Table(name = "refund_status_history")
public class RefundStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "refund_id", nullable = false)
    public String refundId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public RefundStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public RefundStatus toStatus;

    @Column(nullable = false)
    public String event;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "at_ms", nullable = false)
    public Instant at;

    public String actor;

    public String detail;
}
