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
import storeops.traffic.rest.JoinPayloads.Query;
import storeops.traffic.rest.JoinPayloads.Visit;
import storeops.traffic.service.TrafficJoinService;
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
        return new PeopleResponse(people.distinctVisitors(), people.effectiveVisitors(), people.visited(),
                people.effective());
    }

    @POST
    @ReadsOnly
    @Path("/last-visits")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public LastVisitsResponse lastVisits(@PathParam("shopId") String shopId, @Valid @NotNull LastVisitsRequest body) {
        int hours = body.lookbackHours() == null ? DEFAULT_LOOKBACK_HOURS : body.lookbackHours();
        List<LastVisitQuery> queries = new ArrayList<>(body.queries().size());
        for (int i = 0; i < body.queries().size(); i++) {
            Query q = body.queries().get(i);
            if (q == null) {
                throw ProblemException.invalidField("queries[" + i + "]", "must not be null");
            }
            if (q.buyerId() == null || q.buyerId().isBlank()) {
                throw ProblemException.invalidField("queries[" + i + "].buyerId", "must not be blank");
            }
            if (q.at() == null) {
                throw ProblemException.invalidField("queries[" + i + "].at", "must not be null");
            }
            queries.add(new LastVisitQuery(q.buyerId(), q.at()));
        }
        var visits = join.lastVisits(shopId, Duration.ofHours(hours), queries);
        return new LastVisitsResponse(visits.stream()
                .map(v -> new Visit(v.buyerId(), v.at(), v.source(), v.visitedAt())).toList());
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
