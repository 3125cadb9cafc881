package storeops.traffic.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import storeops.common.security.Roles;
import storeops.common.version.DataVersionView;
import storeops.common.version.DataVersions;

/** The shop's data version (docs/service-contracts.md): a reader keeps what it composed until it moves. */
@Path("/shops/{shopId}/traffic/data-version")
@Produces(MediaType.APPLICATION_JSON)
public class TrafficDataVersionResource {

    private final DataVersions versions;

    public TrafficDataVersionResource(DataVersions versions) {
        this.versions = versions;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    @Operation(summary = "A token that changes whenever the shop's data here changes")
    public DataVersionView version(@PathParam("shopId") String shopId) {
        return DataVersionView.of(shopId, versions.current(shopId));
    }
}
