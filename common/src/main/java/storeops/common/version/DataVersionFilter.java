package storeops.common.version;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import storeops.common.audit.AcceptedWrite;

/**
 * Bumps the shop's data version after every accepted write: of the days the write declared
 * ({@link WrittenDays}), else of all the shop's days. Response filters run once the resource's
 * transaction has committed, which is the order {@link DataVersions} needs.
 */
public class DataVersionFilter {

    private static final Logger LOG = Logger.getLogger(DataVersionFilter.class);

    private final DataVersions versions;
    private final WrittenDays written;

    public DataVersionFilter(DataVersions versions, WrittenDays written) {
        this.versions = versions;
        this.written = written;
    }

    @ServerResponseFilter
    public void bump(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (!versions.available()) {
            return;
        }
        AcceptedWrite.of(request, response, resource).filter(write -> write.shopId() != null).ifPresent(write -> {
            try {
                written.of(write.shopId()).ifPresentOrElse(days -> versions.bumpDays(write.shopId(), days),
                        () -> versions.bump(write.shopId()));
            } catch (IllegalStateException e) {
                // the write stands; readers that cache will keep an older answer until the next write
                LOG.errorf(e, "Could not mark the data of shop %s as changed after %s %s", write.shopId(),
                        write.method(), write.path());
            }
        });
    }
}
