package storeops.order.refund.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import storeops.common.security.Roles;
import storeops.order.refund.service.RefundService;

/** Refunds from the platform (PUT) and the seller's answers to them (commands, each taking its time in {@code at}). */
@Path("/shops/{shopId}/refunds/{refundId}")
public class RefundResource {

    private final RefundService refunds;
    private final SecurityIdentity identity;

    public RefundResource(RefundService refunds, SecurityIdentity identity) {
        this.refunds = refunds;
        this.identity = identity;
    }

    @PUT
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public RefundUpsertResult upsert(@PathParam("shopId") String shopId, @PathParam("refundId") String refundId,
            @Valid @NotNull RefundPayload refund) {
        return refunds.upsert(shopId, refundId, refund, actor());
    }

    @GET
    @RolesAllowed({Roles.ERP, Roles.OPERATOR, Roles.AGENT})
    public RefundView get(@PathParam("shopId") String shopId, @PathParam("refundId") String refundId) {
        return refunds.get(shopId, refundId);
    }

    @POST
    @Path("/agree")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public RefundView agree(@PathParam("shopId") String shopId, @PathParam("refundId") String refundId,
            @Valid RefundCommand command) {
        return refunds.agree(shopId, refundId, orNow(command), actor());
    }

    @POST
    @Path("/refuse")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public RefundView refuse(@PathParam("shopId") String shopId, @PathParam("refundId") String refundId,
            @Valid RefundCommand command) {
        return refunds.refuse(shopId, refundId, orNow(command), actor());
    }

    @POST
    @Path("/return-shipped")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public RefundView returnShipped(@PathParam("shopId") String shopId, @PathParam("refundId") String refundId,
            @Valid RefundCommand command) {
        return refunds.returnShipped(shopId, refundId, orNow(command), actor());
    }

    @POST
    @Path("/receive")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public RefundView receive(@PathParam("shopId") String shopId, @PathParam("refundId") String refundId,
            @Valid RefundCommand command) {
        return refunds.receive(shopId, refundId, orNow(command), actor());
    }

    @POST
    @Path("/complete")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public RefundView complete(@PathParam("shopId") String shopId, @PathParam("refundId") String refundId,
            @Valid RefundCommand command) {
        return refunds.complete(shopId, refundId, orNow(command), actor());
    }

    @POST
    @Path("/close")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public RefundView close(@PathParam("shopId") String shopId, @PathParam("refundId") String refundId,
            @Valid RefundCommand command) {
        return refunds.close(shopId, refundId, orNow(command), actor());
    }

    private static RefundCommand orNow(RefundCommand command) {
        return command == null ? RefundCommand.NOW : command;
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
