package storeops.desk.domain;

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

/** One row per change of a ticket: the full history an operator audits. */
@Entity
@Table(name = "ticket_history")
public class TicketHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "ticket_id", nullable = false)
    public String ticketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketEvent event;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public TicketStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public TicketStatus toStatus;

    @Convert(converter = EpochMillisConverter.class)
    @Column(nullable = false)
    public Instant at;

    public String assignee;

    public String note;
}
