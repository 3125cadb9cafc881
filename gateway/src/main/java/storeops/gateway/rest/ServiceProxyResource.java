package storeops.gateway.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import storeops.common.problem.ProblemException;
import storeops.common.security.Roles;
import storeops.gateway.client.ServiceRoutes;
import storeops.gateway.service.ServiceForwarder;

/**
 * One origin for front ends: every service path of contract.md answered through the gateway. The
 * gateway checks the token and the shop first; the service checks them again with the same token
 * and applies its own role rules. Hidden from the gateway's OpenAPI: each service documents its own
 * paths, and the gateway's Swagger UI offers those documents too.
 */
@Path("/")
public class ServiceProxyResource {

    private static final String SERVICE_PATH = "shops/{shopId}/{segment: " + ServiceRoutes.SEGMENTS + "}{rest: (/.*)?}";

    private final ServiceForwarder forwarder;
    private final ServiceRoutes routes;
    private final CallerOf caller;

    public ServiceProxyResource(ServiceForwarder forwarder, ServiceRoutes routes, CallerOf caller) {
        this.forwarder = forwarder;
        this.routes = routes;
        this.caller = caller;
    }

    @GET
    @Path(SERVICE_PATH)
    @Operation(hidden = true)
    @RolesAllowed({Roles.OPERATOR, Roles.ERP, Roles.AGENT, Roles.ANALYST, Roles.TRACKER})
    public CompletionStage<Response> get(@PathParam("segment") String segment, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forward("GET", segment, uri, headers, null);
    }

    @POST
    @Path(SERVICE_PATH)
    @Operation(hidden = true)
    @RolesAllowed({Roles.OPERATOR, Roles.ERP, Roles.AGENT, Roles.ANALYST, Roles.TRACKER})
    public CompletionStage<Response> post(@PathParam("segment") String segment, @Context UriInfo uri,
            @Context HttpHeaders headers, byte[] body) {
        return forward("POST", segment, uri, headers, body);
    }

    @PUT
    @Path(SERVICE_PATH)
    @Operation(hidden = true)
    @RolesAllowed({Roles.OPERATOR, Roles.ERP, Roles.AGENT, Roles.ANALYST, Roles.TRACKER})
    public CompletionStage<Response> put(@PathParam("segment") String segment, @Context UriInfo uri,
            @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", segment, uri, headers, body);
    }

    @PATCH
    @Path(SERVICE_PATH)
    @Operation(hidden = true)
    @RolesAllowed({Roles.OPERATOR, Roles.ERP, Roles.AGENT, Roles.ANALYST, Roles.TRACKER})
    public CompletionStage<Response> patch(@PathParam("segment") String segment, @Context UriInfo uri,
            @Context HttpHeaders headers, byte[] body) {
        return forward("PATCH", segment, uri, headers, body);
    }

    @DELETE
    @Path(SERVICE_PATH)
    @Operation(hidden = true)
    @RolesAllowed({Roles.OPERATOR, Roles.ERP, Roles.AGENT, Roles.ANALYST, Roles.TRACKER})
    public CompletionStage<Response> delete(@PathParam("segment") String segment, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forward("DELETE", segment, uri, headers, null);
    }

    /** A service's own OpenAPI document, for the gateway's Swagger UI; open like /q/openapi. */
    @GET
    @Path("specs/{service: traffic|order|desk}")
    @Operation(hidden = true)
    @PermitAll
    public CompletionStage<Response> spec(@PathParam("service") String service) {
        var base = routes.service(service).orElseThrow(() -> ProblemException.notFound("No service " + service));
        return forwarder.fetch(base.resolve("/q/openapi?format=json"));
    }

    private CompletionStage<Response> forward(String method, String segment, UriInfo uri, HttpHeaders headers,
            byte[] body) {
        var base = routes.ownerOf(segment).orElseThrow(() -> ProblemException.notFound("No service for " + segment));
        String pathAndQuery = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return forwarder.forward(method, base.resolve(pathAndQuery), headers, body, caller.current());
    }
}
