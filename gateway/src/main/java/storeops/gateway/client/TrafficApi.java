package storeops.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** traffic-service as docs/service-contracts.md publishes it. */
@RegisterRestClient(configKey = "traffic")
@Path("/shops/{shopId}/traffic")
public interface TrafficApi {

    @GET
    @Path("/data-version")
    Uni<DataVersion> dataVersion(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("from") List<String> from, @QueryParam("to") List<String> to);


    @GET
    @Path("/metrics")
    Uni<MetricsAnswer> metrics(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/daily")
    Uni<DailyAnswer> daily(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("from") String from, @QueryParam("to") String to);

    /**
     * The two joins take their bodies as JSON bytes, a {@link PeopleQuery} and a {@link LastVisitsQuery}
     * written by {@link TrafficClient}: the REST client writes an object body through a String,
     * copying a month's half-megabyte id list twice more.
     */
    @POST
    @Path("/people")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<People> people(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            byte[] peopleQuery);

    @POST
    @Path("/last-visits")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<LastVisits> lastVisits(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            byte[] lastVisitsQuery);

    @GET
    @Path("/channels")
    Uni<Channels> channels(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("from") String from, @QueryParam("to") String to);

    record PeopleQuery(LocalDate from, LocalDate to, Collection<String> buyerIds) {
    }

    /** {@code unvisited} / {@code notEffective}: the asked ids that are not (effective) visitors of the period. */
    record People(long distinctVisitors, long effectiveVisitors, List<String> unvisited, List<String> notEffective) {
    }

    /** Query i is the buyer {@code buyerIds[i]} at {@code at[i]} (epoch ms). */
    record LastVisitsQuery(int lookbackHours, List<String> buyerIds, long[] at) {
    }

    /**
     * One entry per query: the source of the last view (null when none). The answer's {@code visitedAt}
     * column is not read: attribution needs only the channel.
     */
    record LastVisits(List<String> sources) {
    }

    record Channels(List<ChannelTraffic> channels) {
    }

    record ChannelTraffic(String channel, long visitors, BigDecimal spend) {
    }
}
