package storeops.order.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.util.List;
import storeops.common.audit.ReadsOnly;
import storeops.common.security.Roles;
import storeops.common.time.DayPeriod;
import storeops.order.config.OrderConfig;
import storeops.order.service.OrderJoinService;
import storeops.order.service.OrderJoinService.BuyerSets;
import storeops.order.service.OrderJoinService.OrderBrief;
import storeops.order.service.OrderJoinService.Reminder;

/** The internal endpoints of docs/service-contracts.md: buyer sets and order lists for the gateway's joins. */
@Path("/shops/{shopId}/orders")
public class OrderJoinResource {

    public record PeriodRequest(String from, String to) {
    }

    public record BuyerOrdersRequest(String from, String to, @NotNull @Size(max = 100_000) List<String> buyerIds) {
    }

    public record OrdersResponse(List<OrderBrief> orders) {
    }

    public record RemindersResponse(List<Reminder> orders) {
    }

    private final OrderJoinService joins;
    private final OrderConfig config;

    public OrderJoinResource(OrderJoinService joins, OrderConfig config) {
        this.joins = joins;
        this.config = config;
    }

    @POST
    @ReadsOnly
    @Path("/buyer-sets")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public BuyerSets buyerSets(@PathParam("shopId") String shopId, @Valid @NotNull PeriodRequest request) {
        return joins.buyerSets(shopId, DayPeriod.parse(request.from(), request.to()));
    }

    @POST
    @ReadsOnly
    @Path("/buyer-orders")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public OrdersResponse buyerOrders(@PathParam("shopId") String shopId, @Valid @NotNull BuyerOrdersRequest request) {
        return new OrdersResponse(
                joins.buyerOrders(shopId, DayPeriod.parse(request.from(), request.to()), request.buyerIds()));
    }

    @GET
    @Path("/paid")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public OrdersResponse paid(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return new OrdersResponse(joins.paid(shopId, DayPeriod.parse(from, to)));
    }

    /** 催付: unpaid orders closing within the given minutes (default from configuration). No contact data. */
    @GET
    @Path("/payment-reminders")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.AGENT})
    public RemindersResponse paymentReminders(@PathParam("shopId") String shopId,
            @QueryParam("withinMinutes") @Min(1) @Max(10080) Integer withinMinutes) {
        Duration within = withinMinutes == null ? config.reminderWithin() : Duration.ofMinutes(withinMinutes);
        return new RemindersResponse(joins.paymentReminders(shopId, within));
    }
}
