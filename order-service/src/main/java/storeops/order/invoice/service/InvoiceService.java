package storeops.order.invoice.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import storeops.common.problem.ProblemException;
import storeops.common.version.WrittenDays;
import storeops.order.invoice.domain.InvoiceDelivery;
import storeops.order.invoice.domain.InvoiceRequest;
import storeops.order.invoice.domain.InvoiceStatus;
import storeops.order.invoice.domain.InvoiceStatusChange;
import storeops.order.invoice.repository.InvoiceRepository;
import storeops.order.invoice.rest.InvoiceCommand;
import storeops.order.invoice.rest.InvoicePayload;
import storeops.order.invoice.rest.InvoiceUpsertResult;
import storeops.order.invoice.rest.InvoiceUpsertResult.Outcome;

/**
 * Invoice requests are kept whatever arrives with them: an unknown order is no reason to drop
 * one (the order may be synced later), and a title may be corrected until the invoice is issued.
 */
@ApplicationScoped
public class InvoiceService {

    private final InvoiceRepository invoices;
    private final Clock clock;
    private final WrittenDays written;

    public InvoiceService(InvoiceRepository invoices, Clock clock, WrittenDays written) {
        this.invoices = invoices;
        this.clock = clock;
        this.written = written;
    }

    /** No figure or join of the data versions reads invoices (only the open-invoice alert, read fresh). */
    private void noDayChanged(String shopId) {
        written.declare(shopId);
    }

    @Transactional
    public InvoiceUpsertResult request(String shopId, String requestId, InvoicePayload p) {
        noDayChanged(shopId);
        refuseFee(requestId, p.fee());
        InvoiceDelivery delivery = p.delivery() == null ? InvoiceDelivery.WITH_GOODS : p.delivery();
        var existing = invoices.find(shopId, requestId);
        if (existing.isEmpty()) {
            InvoiceRequest r = new InvoiceRequest();
            r.shopId = shopId;
            r.requestId = requestId;
            r.status = InvoiceStatus.REQUESTED;
            r.requestedAt = p.requestedAt() == null ? clock.instant() : p.requestedAt();
            apply(r, p, delivery);
            invoices.persist(r);
            invoices.record(InvoiceStatusChange.of(r, null, "request", r.requestedAt));
            return new InvoiceUpsertResult(requestId, Outcome.CREATED, r.status);
        }
        InvoiceRequest r = existing.get();
        boolean same = r.orderNo.equals(p.orderNo()) && r.titleType == p.titleType() && r.title.equals(p.title())
                && Objects.equals(r.taxNumber, p.taxNumber()) && r.delivery == delivery;
        if (same) {
            return new InvoiceUpsertResult(requestId, Outcome.UNCHANGED, r.status);
        }
        if (!r.orderNo.equals(p.orderNo())) {
            throw ProblemException.conflict("Invoice request " + requestId + " belongs to order " + r.orderNo);
        }
        if (!r.status.open()) {
            throw new storeops.common.problem.IllegalTransitionException("Invoice request " + requestId, r.status,
                    "change the title or delivery");
        }
        apply(r, p, delivery);
        return new InvoiceUpsertResult(requestId, Outcome.UPDATED, r.status);
    }

    @Transactional
    public InvoiceRequest issue(String shopId, String requestId, InvoiceCommand c) {
        noDayChanged(shopId);
        refuseFee(requestId, c.fee());
        if (c.invoiceNo() == null || c.invoiceNo().isBlank()) {
            throw ProblemException.invalidField("invoiceNo", "the issued invoice's number is required");
        }
        InvoiceRequest r = get(shopId, requestId);
        Instant at = at(c);
        InvoiceStatus from = r.status;
        r.issue(at, c.invoiceNo().strip());
        invoices.record(InvoiceStatusChange.of(r, from, "issue", at));
        return r;
    }

    @Transactional
    public InvoiceRequest mail(String shopId, String requestId, InvoiceCommand c) {
        noDayChanged(shopId);
        refuseFee(requestId, c.fee());
        if (c.trackingNo() == null || c.trackingNo().isBlank()) {
            throw ProblemException.invalidField("trackingNo", "the parcel's tracking number is required");
        }
        InvoiceRequest r = get(shopId, requestId);
        Instant at = at(c);
        InvoiceStatus from = r.status;
        r.mail(at, c.carrier(), c.trackingNo().strip());
        invoices.record(InvoiceStatusChange.of(r, from, "mail", at));
        return r;
    }

    public InvoiceRequest get(String shopId, String requestId) {
        return invoices.find(shopId, requestId)
                .orElseThrow(() -> ProblemException.notFound("No invoice request " + requestId + " in shop " + shopId));
    }

    /** Requests still open that were made at least {@code hours} ago, oldest first. */
    public List<InvoiceRequest> openOlderThan(String shopId, Instant requestedBefore, int page, int size) {
        return invoices.openBefore(shopId, requestedBefore, page, size);
    }

    private static void apply(InvoiceRequest r, InvoicePayload p, InvoiceDelivery delivery) {
        r.orderNo = p.orderNo();
        r.titleType = p.titleType();
        r.title = p.title().strip();
        r.taxNumber = p.taxNumber() == null || p.taxNumber().isBlank() ? null : p.taxNumber().strip();
        r.delivery = delivery;
    }

    private static void refuseFee(String requestId, BigDecimal fee) {
        if (fee != null && fee.signum() != 0) {
            throw InvoiceRequest.fee(requestId);
        }
    }

    private Instant at(InvoiceCommand c) {
        return c.at() == null ? clock.instant() : c.at();
    }
}
