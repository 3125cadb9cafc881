package storeops.common.version;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Set;
import org.jboss.logging.Logger;
import storeops.common.audit.AuditTrail;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Bumps the shop's data version after every accepted write. Response filters run once the
 * resource's transaction has committed, which is the order {@link DataVersions} needs.
 */
public class DataVersionFilter {

    private static final Logger LOG = Logger.getLogger(DataVersionFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final DataVersions versions;

    public DataVersionFilter(DataVersions versions) {
        this.versions = versions;
    }

    @ServerResponseFilter
    public void bump(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        if (!WRITES.contains(request.getMethod()) || response.getStatus() >= 400 || !path.startsWith("/shops/")
                || !versions.available() || AuditTrail.readsOnly(resource)) {
            return;
        }
        String[] parts = path.split("/");
        if (parts.length < 3 || parts[2].isEmpty()) {
            return;
        }
        try {
            versions.bump(parts[2]);
        } catch (IllegalStateException e) {
            // the write stands; readers that cache will keep an older answer until the next write
            LOG.errorf(e, "Could not mark the data of shop %s as changed after %s %s", parts[2], request.getMethod(), path);
        }
    }
}
