package storeops.order.invoice.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import storeops.order.invoice.domain.InvoiceRequest;
import storeops.order.invoice.domain.InvoiceStatus;
import storeops.order.invoice.domain.InvoiceStatusChange;

@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<InvoiceRequest, InvoiceRequest.Key> {

    public Optional<InvoiceRequest> find(String shopId, String requestId) {
        return findByIdOptional(new InvoiceRequest.Key(shopId, requestId));
    }

    public List<InvoiceRequest> openBefore(String shopId, Instant requestedBefore, int page, int size) {
        return find("shopId = ?1 and status = ?2 and requestedAt <= ?3 order by requestedAt, requestId", shopId,
                InvoiceStatus.REQUESTED, requestedBefore).page(page, size).list();
    }

    public void record(InvoiceStatusChange change) {
        getEntityManager().persist(change);
    }
}
