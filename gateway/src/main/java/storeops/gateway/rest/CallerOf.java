package storeops.gateway.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import storeops.gateway.client.Caller;

/** The caller of the current request, as the services should see it behind the gateway. */
@RequestScoped
public class CallerOf {

    private final HttpServerRequest request;

    public CallerOf(HttpServerRequest request) {
        this.request = request;
    }

    public Caller current() {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return Caller.of(request.getHeader(HttpHeaders.AUTHORIZATION), request.getHeader("X-Forwarded-For"), peer,
                request.getHeader(HttpHeaders.CACHE_CONTROL));
    }
}
