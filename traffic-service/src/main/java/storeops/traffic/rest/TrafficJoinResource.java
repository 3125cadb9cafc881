package storeops.traffic.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import storeops.common.problem.ProblemException;
import storeops.common.audit.ReadsOnly;
import storeops.common.security.Roles;
import storeops.common.time.DayPeriod;
import storeops.traffic.rest.JoinPayloads.Channel;
import storeops.traffic.rest.JoinPayloads.ChannelsResponse;
import storeops.traffic.rest.JoinPayloads.LastVisitsRequest;
import storeops.traffic.rest.JoinPayloads.LastVisitsResponse;
import storeops.traffic.rest.JoinPayloads.PeopleRequest;
import storeops.traffic.rest.JoinPayloads.PeopleResponse;
import storeops.traffic.domain.Source;
import storeops.traffic.service.TrafficJoinService;
import storeops.traffic.service.TrafficJoinService.LastVisit;
import storeops.traffic.service.TrafficJoinService.LastVisitQuery;

/** What the gateway joins with chats and orders (docs/service-contracts.md). */
@Path("/shops/{shopId}/traffic")
public class TrafficJoinResource {

    static final int DEFAULT_LOOKBACK_HOURS = 168;

    private final TrafficJoinService join;

    public TrafficJoinResource(TrafficJoinService join) {
        this.join = join;
    }

    @POST
    @ReadsOnly
    @Path("/people")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public PeopleResponse people(@PathParam("shopId") String shopId, @Valid @NotNull PeopleRequest body) {
        var people = join.people(shopId, DayPeriod.parse(body.from(), body.to()), body.buyerIds());
        return new PeopleResponse(people.distinctVisitors(), people.effectiveVisitors(), people.unvisited(),
                people.notEffective());
    }

    @POST
    @ReadsOnly
    @Path("/last-visits")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public LastVisitsResponse lastVisits(@PathParam("shopId") String shopId, @Valid @NotNull LastVisitsRequest body) {
        int hours = body.lookbackHours() == null ? DEFAULT_LOOKBACK_HOURS : body.lookbackHours();
        if (body.buyerIds().size() != body.at().length) {
            throw ProblemException.invalidField("at", "must have one instant per buyer id (" + body.buyerIds().size()
                    + " buyer ids, " + body.at().length + " instants)");
        }
        List<LastVisitQuery> queries = new ArrayList<>(body.at().length);
        for (int i = 0; i < body.at().length; i++) {
            String buyerId = body.buyerIds().get(i);
            if (buyerId == null || buyerId.isBlank()) {
                throw ProblemException.invalidField("buyerIds[" + i + "]", "must not be blank");
            }
            queries.add(new LastVisitQuery(buyerId, Instant.ofEpochMilli(body.at()[i])));
        }
        List<LastVisit> visits = join.lastVisits(shopId, Duration.ofHours(hours), queries);
        List<Source> sources = new ArrayList<>(visits.size());
        List<Long> visitedAt = new ArrayList<>(visits.size());
        for (LastVisit v : visits) {
            sources.add(v.source());
            visitedAt.add(v.visitedAt() == null ? null : v.visitedAt().toEpochMilli());
        }
        return new LastVisitsResponse(sources, visitedAt);
    }

    @GET
    @Path("/channels")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public ChannelsResponse channels(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return new ChannelsResponse(join.channels(shopId, DayPeriod.parse(from, to)).stream()
                .map(c -> new Channel(c.channel(), c.visitors(), c.spend())).toList());
    }
}
