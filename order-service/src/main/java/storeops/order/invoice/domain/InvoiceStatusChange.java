package storeops.order.invoice.domain;

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

@Entity
@Table(name = "invoice_status_history")
public class InvoiceStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public InvoiceStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public InvoiceStatus toStatus;

    @Column(nullable = false)
    public String event;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "at_ms", nullable = false)
    public Instant at;

    public static InvoiceStatusChange of(InvoiceRequest r, InvoiceStatus from, String event, Instant at) {
        InvoiceStatusChange c = new InvoiceStatusChange();
        c.shopId = r.shopId;
        c.requestId = r.requestId;
        c.fromStatus = from;
        c.toStatus = r.status;
        c.event = event;
        c.at = at;
        return c;
    }
}
