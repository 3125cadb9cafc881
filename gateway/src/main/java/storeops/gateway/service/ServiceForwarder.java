package storeops.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;
import storeops.common.problem.Problem;
import storeops.common.problem.ProblemMappers;
import storeops.gateway.client.Caller;

/**
 * Passes a request on to a service as it came (method, query, body, content type, accepted types
 * and the caller's own token) and its answer back as it went. Writes are never retried here: an
 * outside system replays them itself, and the services make replays harmless.
 */
@ApplicationScoped
public class ServiceForwarder {

    private static final Logger LOG = Logger.getLogger(ServiceForwarder.class);
    private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
            HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH);
    private static final List<String> RESPONSE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION,
            "Content-Disposition", HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    public CompletionStage<Response> forward(String method, URI target, HttpHeaders headers, byte[] body,
            Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : REQUEST_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        if (caller.authorization() != null) {
            request.header(HttpHeaders.AUTHORIZATION, caller.authorization());
        }
        if (caller.forwardedFor() != null) {
            request.header("X-Forwarded-For", caller.forwardedFor());
        }
        return send(request.build());
    }

    public CompletionStage<Response> fetch(URI target) {
        return send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10)).GET().build());
    }

    private CompletionStage<Response> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(answer -> {
                    Response.ResponseBuilder response = Response.status(answer.statusCode()).entity(answer.body());
                    for (String name : RESPONSE_HEADERS) {
                        answer.headers().firstValue(name).ifPresent(v -> response.header(name, v));
                    }
                    return response.build();
                })
                .exceptionally(failure -> {
                    LOG.warnf("%s %s failed: %s", request.method(), request.uri(), failure.getMessage());
                    return ProblemMappers.answer(Problem.of(503, "Service Unavailable",
                            "The service behind " + request.uri().getPath() + " did not answer"));
                });
    }
}
