package storeops.order.invoice.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import storeops.order.paging.Paging;
import storeops.common.security.ContactMasking;
import storeops.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import storeops.order.invoice.config.InvoiceConfig;
import storeops.order.invoice.domain.InvoiceRequest;
import storeops.order.invoice.service.InvoiceService;

/** Invoice requests (发票): kept, issued and mailed; a refusal or a fee is always a 409. */
@Path("/shops/{shopId}/invoices")
public class InvoiceResource {

    private final InvoiceService invoices;
    private final InvoiceConfig config;
    private final ContactMasking masking;
    private final SecurityIdentity identity;
    private final Clock clock;

    public InvoiceResource(InvoiceService invoices, InvoiceConfig config, ContactMasking masking,
            SecurityIdentity identity, Clock clock) {
        this.clock = clock;
        this.invoices = invoices;
        this.config = config;
        this.masking = masking;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ERP, Roles.OPERATOR, Roles.AGENT, Roles.ANALYST})
    public InvoiceList open(@PathParam("shopId") String shopId,
            @QueryParam("openOlderThanHours") String openOlderThanHours,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        int hours = Paging.bounded("openOlderThanHours", openOlderThanHours, config.openAlertHours(), 0, 24 * 366);
        Paging paging = Paging.parse(page, size);
        Instant before = clock.instant().minus(Duration.ofHours(hours));
        return new InvoiceList(hours, before, paging.page(), paging.size(),
                invoices.openOlderThan(shopId, before, paging.page(), paging.size()).stream().map(this::view)
                        .toList());
    }

    @PUT
    @Path("/{requestId}")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public InvoiceUpsertResult request(@PathParam("shopId") String shopId, @PathParam("requestId") String requestId,
            @Valid @NotNull InvoicePayload request) {
        return invoices.request(shopId, requestId, request);
    }

    @GET
    @Path("/{requestId}")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR, Roles.AGENT})
    public InvoiceView get(@PathParam("shopId") String shopId, @PathParam("requestId") String requestId) {
        return view(invoices.get(shopId, requestId));
    }

    @POST
    @Path("/{requestId}/issue")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public InvoiceView issue(@PathParam("shopId") String shopId, @PathParam("requestId") String requestId,
            @Valid InvoiceCommand command) {
        return view(invoices.issue(shopId, requestId, command == null ? InvoiceCommand.NOW : command));
    }

    @POST
    @Path("/{requestId}/mail")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public InvoiceView mail(@PathParam("shopId") String shopId, @PathParam("requestId") String requestId,
            @Valid InvoiceCommand command) {
        return view(invoices.mail(shopId, requestId, command == null ? InvoiceCommand.NOW : command));
    }

    /** Exists so that an attempt gets a clear answer instead of a 404 or 405. */
    @POST
    @Path("/{requestId}/refuse")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR, Roles.AGENT})
    public InvoiceView refuse(@PathParam("requestId") String requestId) {
        throw InvoiceRequest.refusal(requestId);
    }

    @DELETE
    @Path("/{requestId}")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR, Roles.AGENT})
    public void delete(@PathParam("requestId") String requestId) {
        throw InvoiceRequest.refusal(requestId);
    }

    private InvoiceView view(InvoiceRequest r) {
        return InvoiceView.of(r, masking.revealsContacts() || identity.hasRole(Roles.ERP));
    }
}
