package storeops.desk.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import storeops.common.security.Roles;
import storeops.common.time.DayPeriod;
import storeops.desk.repository.ChatJoinQuery;
import storeops.desk.repository.ConversationStatsQuery;
import storeops.desk.repository.ConversationStatsQuery.Grouping;
import storeops.desk.service.DeskMetricsService;
import storeops.desk.service.RatingService;

/** The desk's metrics and the join endpoints the gateway calls (docs/service-contracts.md). */
@Path("/shops/{shopId}/desk")
public class DeskMetricsResource {

    private final DeskMetricsService metrics;
    private final ConversationStatsQuery stats;
    private final ChatJoinQuery chats;
    private final RatingService ratings;

    public DeskMetricsResource(DeskMetricsService metrics, ConversationStatsQuery stats, ChatJoinQuery chats,
            RatingService ratings) {
        this.metrics = metrics;
        this.stats = stats;
        this.chats = chats;
        this.ratings = ratings;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    @Path("/metrics")
    public DeskReads.Metrics metrics(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return new DeskReads.Metrics(metrics.metrics(shopId, DayPeriod.parse(from, to)));
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    @Path("/metrics/daily")
    public DeskReads.Daily daily(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return new DeskReads.Daily(metrics.daily(shopId, DayPeriod.parse(from, to)));
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    @Path("/first-chats")
    public DeskReads.FirstChats firstChats(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return new DeskReads.FirstChats(chats.firstChats(shopId, DayPeriod.parse(from, to)));
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    @Path("/consulted-buyers")
    public DeskReads.ConsultedBuyers consultedBuyers(@PathParam("shopId") String shopId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return new DeskReads.ConsultedBuyers(chats.consultedBuyers(shopId, DayPeriod.parse(from, to)));
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    @Path("/agents")
    public DeskReads.Agents agents(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return new DeskReads.Agents(stats.grouped(shopId, DayPeriod.parse(from, to), Grouping.AGENT).entrySet().stream()
                .map(e -> new DeskReads.Agent(e.getKey(), e.getValue().conversations(), e.getValue().receivedBuyers(),
                        e.getValue().replyRate(), e.getValue().firstResponseSeconds(),
                        e.getValue().avgResponseSeconds(), e.getValue().threeMinuteResponseRate()))
                .toList());
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    @Path("/dsr")
    public Dsr dsr(@PathParam("shopId") String shopId, @QueryParam("date") String date) {
        return ratings.dsr(shopId, DayPeriod.parseDay("date", date));
    }
}
