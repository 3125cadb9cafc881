package storeops.traffic.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import storeops.common.security.Roles;
import storeops.common.time.DayPeriod;
import storeops.traffic.service.TrafficMetricsService;

@Path("/shops/{shopId}/traffic")
public class TrafficMetricsResource {

    private final TrafficMetricsService metrics;

    public TrafficMetricsResource(TrafficMetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @Path("/metrics")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public MetricsResponse metrics(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return new MetricsResponse(metrics.metrics(shopId, DayPeriod.parse(from, to)));
    }

    @GET
    @Path("/daily")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public MetricsResponse.Daily daily(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return new MetricsResponse.Daily(metrics.daily(shopId, DayPeriod.parse(from, to)).entrySet().stream()
                .map(e -> new MetricsResponse.Day(e.getKey(), e.getValue())).toList());
    }
}
