package storeops.order.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import storeops.common.security.Roles;
import storeops.common.time.DayPeriod;
import storeops.order.service.OrderMetricsService;

@Path("/shops/{shopId}/orders/metrics")
public class OrderMetricsResource {

    public record DailyResponse(List<OrderMetricsService.Day> days) {
    }

    private final OrderMetricsService metrics;

    public OrderMetricsResource(OrderMetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public MetricsResponse metrics(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return new MetricsResponse(metrics.metrics(shopId, DayPeriod.parse(from, to)));
    }

    /** One entry per natural day, each with every order key of that day alone. */
    @GET
    @Path("/daily")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public DailyResponse daily(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return new DailyResponse(metrics.daily(shopId, DayPeriod.parse(from, to)));
    }
}
