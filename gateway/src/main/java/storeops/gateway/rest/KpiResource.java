package storeops.gateway.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import storeops.common.security.Roles;
import storeops.common.time.DayPeriod;
import storeops.gateway.rest.KpiViews.AgentsView;
import storeops.gateway.rest.KpiViews.AlertsView;
import storeops.gateway.rest.KpiViews.ChannelsView;
import storeops.gateway.rest.KpiViews.DailyView;
import storeops.gateway.rest.KpiViews.FunnelView;
import storeops.gateway.rest.KpiViews.Overview;
import storeops.gateway.service.DailySheet;
import storeops.gateway.service.KpiService;

/** The composed KPIs of contract.md; metrics and KPIs are what an analyst may read. */
@Path("/shops/{shopId}/kpi")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {

    private final KpiService kpis;
    private final DailySheet sheet;
    private final CallerOf caller;

    public KpiResource(KpiService kpis, DailySheet sheet, CallerOf caller) {
        this.kpis = kpis;
        this.sheet = sheet;
        this.caller = caller;
    }

    @GET
    @Path("/overview")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public Uni<Overview> overview(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return kpis.overview(caller.current(), shopId, DayPeriod.parse(from, to));
    }

    @GET
    @Path("/funnel")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public Uni<FunnelView> funnel(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return kpis.funnel(caller.current(), shopId, DayPeriod.parse(from, to));
    }

    @GET
    @Path("/agents")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public Uni<AgentsView> agents(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return kpis.agents(caller.current(), shopId, DayPeriod.parse(from, to));
    }

    @GET
    @Path("/channels")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public Uni<ChannelsView> channels(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return kpis.channels(caller.current(), shopId, DayPeriod.parse(from, to));
    }

    @GET
    @Path("/daily")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public Uni<DailyView> daily(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return kpis.daily(caller.current(), shopId, DayPeriod.parse(from, to));
    }

    /** The sheet operators paste into their daily report: Chinese and English headers, one row per day. */
    @GET
    @Path("/daily")
    @Produces(DailySheet.TEXT_CSV)
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public Uni<String> dailySheet(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return kpis.daily(caller.current(), shopId, DayPeriod.parse(from, to)).map(sheet::render);
    }

    @GET
    @Path("/alerts")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public Uni<AlertsView> alerts(@PathParam("shopId") String shopId) {
        return kpis.alerts(caller.current(), shopId);
    }
}
