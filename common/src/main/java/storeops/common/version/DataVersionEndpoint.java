package storeops.common.version;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import storeops.common.security.Roles;

/**
 * The shop's data version (docs/service-contracts.md): a reader keeps what it composed until it
 * moves. Each service names the path under its own segment in a subclass.
 */
public abstract class DataVersionEndpoint {

    private final DataVersions versions;

    protected DataVersionEndpoint(DataVersions versions) {
        this.versions = versions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public DataVersionView version(@PathParam("shopId") String shopId) {
        return DataVersionView.of(shopId, versions.current(shopId));
    }
}
