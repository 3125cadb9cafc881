package storeops.common.audit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Optional;
import java.util.Set;

/**
 * A request that changed something: a write verb, not a {@link ReadsOnly} POST, answered below
 * 400. The audit trail and the data version both act on these, and only on these.
 */
public record AcceptedWrite(String method, String path, String shopId, int status) {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    public static Optional<AcceptedWrite> of(ContainerRequestContext request, ContainerResponseContext response,
            ResourceInfo resource) {
        String method = request.getMethod();
        if (!WRITES.contains(method) || response.getStatus() >= 400 || readsOnly(resource)) {
            return Optional.empty();
        }
        String path = request.getUriInfo().getPath();
        return Optional.of(new AcceptedWrite(method, path, shopOf(path), response.getStatus()));
    }

    /** The shop of a {@code /shops/{shopId}/...} path, else null. */
    private static String shopOf(String path) {
        String[] parts = path.split("/");
        return path.startsWith("/shops/") && parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
    }

    /** False when no resource matched (a 404 never gets this far anyway). */
    private static boolean readsOnly(ResourceInfo resource) {
        return resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(ReadsOnly.class);
    }
}
