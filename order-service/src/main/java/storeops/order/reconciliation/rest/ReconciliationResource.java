package storeops.order.reconciliation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import storeops.common.audit.ReadsOnly;
import storeops.common.security.Roles;
import storeops.order.reconciliation.domain.ReconciliationReport;
import storeops.order.reconciliation.service.ReconciliationService;

/** 对账: the platform's order export (CSV, UTF-8 or GBK) against our orders. */
@Path("/shops/{shopId}/orders/reconciliation")
public class ReconciliationResource {

    private final ReconciliationService reconciliation;

    public ReconciliationResource(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @POST
    @ReadsOnly // compares the export with the stored orders and stores nothing
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public ReconciliationReport reconcile(@PathParam("shopId") String shopId, InputStream export) {
        return reconciliation.reconcile(shopId, export);
    }
}
