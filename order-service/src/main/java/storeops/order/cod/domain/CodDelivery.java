package storeops.order.cod.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import storeops.common.persistence.EpochMillisConverter;
import storeops.common.problem.IllegalTransitionException;
import storeops.order.domain.Order;

/** The cash-on-delivery side of an order (same key as the order): its destination and the buyer's confirmation. */
@Entity
@Table(name = "cod_deliveries")
@IdClass(Order.Key.class)
public class CodDelivery {

    @Id
    @Column(name = "shop_id")
    public String shopId;

    @Id
    @Column(name = "order_no")
    public String orderNo;

    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public String region;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CodStatus status;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    public String note;

    @Version
    public long version;

    public void confirm(Instant at, String by, String remark) {
        if (status != CodStatus.AWAITING_CONFIRMATION) {
            throw new IllegalTransitionException("Cash-on-delivery order " + orderNo, status, "confirm");
        }
        status = CodStatus.CONFIRMED;
        confirmedAt = at;
        confirmedBy = by;
        note = remark;
    }

    /** A new destination needs a new confirmation with the buyer. */
    public void redirect(String newCountry, String newRegion) {
        if (!newCountry.equals(country) || !newRegion.equals(region)) {
            country = newCountry;
            region = newRegion;
            status = CodStatus.AWAITING_CONFIRMATION;
            confirmedAt = null;
            confirmedBy = null;
        }
    }
}
