package storeops.order.invoice.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import storeops.common.persistence.EpochMillisConverter;
import storeops.common.problem.IllegalTransitionException;
import storeops.common.problem.ProblemException;

/**
 * A buyer's invoice request (发票). The seller must provide the invoice free with any title:
 * refusing or charging for it is a platform violation, so neither event exists here.
 */
@Entity
@Table(name = "invoice_requests")
@IdClass(InvoiceRequest.Key.class)
public class InvoiceRequest {

    @Id
    @Column(name = "shop_id")
    public String shopId;

    @Id
    @Column(name = "request_id")
    public String requestId;

    @Column(name = "order_no", nullable = false)
    public String orderNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "title_type", nullable = false)
    public TitleType titleType;

    @Column(nullable = false)
    public String title;

    @Column(name = "tax_number")
    public String taxNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvoiceDelivery delivery;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvoiceStatus status;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "invoice_no")
    public String invoiceNo;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "mailed_at")
    public Instant mailedAt;

    public String carrier;

    @Column(name = "tracking_no")
    public String trackingNo;

    @Version
    public long version;

    public void issue(Instant at, String number) {
        if (status != InvoiceStatus.REQUESTED) {
            throw new IllegalTransitionException("Invoice request " + requestId, status, "issue");
        }
        issuedAt = at;
        invoiceNo = number;
        status = InvoiceStatus.ISSUED;
    }

    /** Only an invoice that was to follow the goods is mailed, and only once it exists. */
    public void mail(Instant at, String carrierName, String tracking) {
        if (status != InvoiceStatus.ISSUED || delivery != InvoiceDelivery.MAIL_LATER) {
            throw new IllegalTransitionException("Invoice request " + requestId,
                    status + " (" + delivery + ")", "mail");
        }
        mailedAt = at;
        carrier = carrierName;
        trackingNo = tracking;
        status = InvoiceStatus.MAILED;
    }

    /** Never allowed, whatever the state: a buyer is always entitled to the invoice. */
    public static ProblemException refusal(String requestId) {
        return ProblemException.conflict("Invoice request " + requestId + " cannot be refused: the seller must"
                + " provide an invoice free of charge with any title the buyer asks for; issue it, or mail it later");
    }

    public static ProblemException fee(String requestId) {
        return ProblemException.conflict("Invoice request " + requestId + " cannot carry a fee: invoices are free,"
                + " and mailing one later is at the seller's cost");
    }

    public static class Key implements Serializable {
        public String shopId;
        public String requestId;

        public Key() {
        }

        public Key(String shopId, String requestId) {
            this.shopId = shopId;
            this.requestId = requestId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(shopId, k.shopId) && Objects.equals(requestId, k.requestId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(shopId, requestId);
        }
    }
}
