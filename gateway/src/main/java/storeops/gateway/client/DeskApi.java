package storeops.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** service-desk-service as docs/service-contracts.md publishes it. */
@RegisterRestClient(configKey = "desk")
@Path("/shops/{shopId}")
public interface DeskApi {

    @GET
    @Path("/desk/data-version")
    Uni<DataVersion> dataVersion(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("from") List<String> from, @QueryParam("to") List<String> to);


    @GET
    @Path("/desk/metrics")
    Uni<MetricsAnswer> metrics(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/desk/metrics/daily")
    Uni<DailyAnswer> daily(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/desk/first-chats")
    Uni<FirstChats> firstChats(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/desk/consulted-buyers")
    Uni<ConsultedBuyers> consultedBuyers(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/desk/agents")
    Uni<Agents> agents(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/tickets")
    Uni<JsonNode> breachedTickets(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("breached") boolean breached);

    @GET
    @Path("/tickets")
    Uni<JsonNode> ticketsDueWithin(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("dueWithinHours") int dueWithinHours);

    @GET
    @Path("/desk/dsr")
    Uni<Dsr> dsr(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("date") String date);

    record FirstChats(List<FirstChat> firstChats) {
    }

    record FirstChat(String buyerId, LocalDate day, Instant firstMessageAt, String agentId) {
    }

    record ConsultedBuyers(List<String> buyerIds) {
    }

    record Agents(List<AgentFigures> agents) {
    }

    record AgentFigures(String agentId, long conversations, long receivedBuyers, BigDecimal replyRate,
            BigDecimal firstResponseSeconds, BigDecimal avgResponseSeconds, BigDecimal threeMinuteResponseRate) {
    }

    record Dsr(LocalDate date, BigDecimal description, BigDecimal service, BigDecimal logistics) {
    }
}
