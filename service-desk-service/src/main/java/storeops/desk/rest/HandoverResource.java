package storeops.desk.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import storeops.common.security.Roles;
import storeops.desk.service.HandoverService;
import storeops.desk.service.ConcurrentWrite;

@Path("/shops/{shopId}/handovers")
public class HandoverResource {

    private final HandoverService handovers;

    public HandoverResource(HandoverService handovers) {
        this.handovers = handovers;
    }

    @PUT
    @Path("/{handoverId}")
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    public HandoverView record(@PathParam("shopId") String shopId,
            @PathParam("handoverId") @Size(max = 128) String handoverId, @Valid @NotNull HandoverPayload handover) {
        return ConcurrentWrite.retried(() -> handovers.record(shopId, handoverId, handover));
    }

    @POST
    @Path("/{handoverId}/acknowledge")
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    public HandoverView acknowledge(@PathParam("shopId") String shopId, @PathParam("handoverId") String handoverId,
            @Valid @NotNull HandoverAck ack) {
        return handovers.acknowledge(shopId, handoverId, ack);
    }

    /** The latest handover (for {@code incomingAgentId}: the latest meant for that agent or for anyone). */
    @GET
    @Path("/current")
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    public HandoverView current(@PathParam("shopId") String shopId, @QueryParam("incomingAgentId") String incomingAgentId) {
        return handovers.current(shopId, incomingAgentId);
    }

    @GET
    @Path("/{handoverId}")
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    public HandoverView get(@PathParam("shopId") String shopId, @PathParam("handoverId") String handoverId) {
        return handovers.get(shopId, handoverId);
    }
}
