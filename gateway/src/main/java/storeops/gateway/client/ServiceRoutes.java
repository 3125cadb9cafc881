package storeops.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which service answers which part of the public contract, so that a front end needs the gateway's
 * origin only. The base URLs are the REST clients' own settings.
 */
@ApplicationScoped
public class ServiceRoutes {

    /** The first path segment after {@code /shops/{shopId}/} and the service that owns it. */
    public static final Map<String, String> OWNER_OF = Map.of(
            "traffic", "traffic",
            "orders", "order", "refunds", "order", "invoices", "order",
            "conversations", "desk", "tickets", "desk", "ratings", "desk", "desk", "desk", "agents", "desk",
            "handovers", "desk");

    /** The JAX-RS pattern of those segments. */
    public static final String SEGMENTS = "traffic|orders|refunds|invoices|conversations|tickets|ratings|desk|agents|handovers";

    private final Map<String, URI> bases;

    public ServiceRoutes(@ConfigProperty(name = "quarkus.rest-client.traffic.url") String traffic,
            @ConfigProperty(name = "quarkus.rest-client.order.url") String order,
            @ConfigProperty(name = "quarkus.rest-client.desk.url") String desk) {
        this.bases = Map.of("traffic", URI.create(traffic), "order", URI.create(order), "desk", URI.create(desk));
    }

    /** The service's base URL by its client name (traffic, order, desk). */
    public Optional<URI> service(String name) {
        return Optional.ofNullable(bases.get(name));
    }

    public Optional<URI> ownerOf(String segment) {
        return Optional.ofNullable(OWNER_OF.get(segment)).flatMap(this::service);
    }
}
