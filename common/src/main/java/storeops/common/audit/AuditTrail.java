package storeops.common.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every accepted write leaves a row in the service's own {@code audit_log}: who (the token's
 * subject), when, what (verb, path, status) and from which address. A service without a
 * database (the gateway) has nothing to audit: the services it forwards to keep the rows.
 */
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final Instance<DataSource> dataSource;
    private final SecurityIdentity identity;
    private final HttpServerRequest http;
    private final Clock clock;
    private final boolean trustForwardedFor;

    /**
     * {@code storeops.audit.trust-forwarded-for} is set only where every request comes through the
     * gateway: anyone else could write whatever address they like into X-Forwarded-For.
     */
    public AuditTrail(Instance<DataSource> dataSource, SecurityIdentity identity, HttpServerRequest http,
            Instance<Clock> clock,
            @ConfigProperty(name = "storeops.audit.trust-forwarded-for", defaultValue = "false") boolean trustForwardedFor) {
        this.dataSource = dataSource;
        this.identity = identity;
        this.http = http;
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
        this.trustForwardedFor = trustForwardedFor;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (!dataSource.isResolvable()) {
            return;
        }
        AcceptedWrite.of(request, response, resource).ifPresent(this::record);
    }

    private void record(AcceptedWrite write) {
        String subject = identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
        try (Connection c = dataSource.get().getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO audit_log (shop_id, subject, at_ms, method, path, status, remote_address)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, write.shopId());
            insert.setString(2, subject);
            insert.setLong(3, clock.millis());
            insert.setString(4, write.method());
            insert.setString(5, truncate(write.path(), 500));
            insert.setInt(6, write.status());
            insert.setString(7, remoteAddress());
            insert.executeUpdate();
        } catch (SQLException e) {
            LOG.errorf(e, "Could not write the audit row of %s %s by %s", write.method(), write.path(), subject);
        }
    }

    private String remoteAddress() {
        String forwarded = trustForwardedFor ? http.getHeader("X-Forwarded-For") : null;
        if (forwarded != null && !forwarded.isBlank()) {
            return truncate(forwarded.split(",")[0].strip(), 64);
        }
        return http.remoteAddress() == null ? null : truncate(http.remoteAddress().hostAddress(), 64);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
