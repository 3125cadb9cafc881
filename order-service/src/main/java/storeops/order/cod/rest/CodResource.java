package storeops.order.cod.rest;

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
import storeops.order.cod.service.CodService;

@Path("/shops/{shopId}/orders/{orderNo}/cod")
public class CodResource {

    private final CodService cod;
    private final SecurityIdentity identity;

    public CodResource(CodService cod, SecurityIdentity identity) {
        this.cod = cod;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ERP, Roles.OPERATOR, Roles.AGENT})
    public CodView get(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo) {
        return cod.get(shopId, orderNo);
    }

    /** The destination; Hong Kong, Macau, Taiwan and abroad are a 400. */
    @PUT
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public CodView register(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid @NotNull CodPayload destination) {
        return cod.register(shopId, orderNo, destination);
    }

    @POST
    @Path("/confirm")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public CodView confirm(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid CodCommand command) {
        return cod.confirm(shopId, orderNo, command == null ? CodCommand.NOW : command, actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
