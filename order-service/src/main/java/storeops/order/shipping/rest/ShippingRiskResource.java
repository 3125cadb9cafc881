package storeops.order.shipping.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import storeops.order.paging.Paging;
import storeops.common.security.Roles;
import storeops.order.shipping.domain.LateShipmentLiability;
import storeops.order.shipping.service.LateShipmentPolicy;
import storeops.order.shipping.service.LateShipmentService;

/** Late shipment (延迟发货): the orders at risk (the gateway's alerts) and one order's liability. */
@Path("/shops/{shopId}/orders")
public class ShippingRiskResource {

    private static final int MAX_WITHIN_HOURS = 24 * 30;

    private final LateShipmentService lateShipments;
    private final LateShipmentPolicy policy;
    private final Clock clock;

    public ShippingRiskResource(LateShipmentService lateShipments, LateShipmentPolicy policy, Clock clock) {
        this.lateShipments = lateShipments;
        this.policy = policy;
        this.clock = clock;
    }

    @GET
    @Path("/shipping-risks")
    @RolesAllowed({Roles.OPERATOR, Roles.ANALYST, Roles.ERP})
    public ShippingRisks risks(@PathParam("shopId") String shopId,
            @QueryParam("withinHours") String within, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        int withinHours = Paging.bounded("withinHours", within, 24, 0, MAX_WITHIN_HOURS);
        Paging paging = Paging.parse(page, size);
        Instant now = clock.instant();
        var orders = lateShipments.atRisk(shopId, now.plus(Duration.ofHours(withinHours)), paging.page(), paging.size()).stream()
                .map(o -> {
                    Instant deadline = lateShipments.deadline(o);
                    return new ShippingRisk(o.orderNo(), o.buyerId(), o.paidAt(), policy.promiseHours(o.promiseHours()),
                            deadline, now.isAfter(deadline), Duration.between(now, deadline).toMinutes(),
                            policy.compensation(o.goodsAmount()));
                }).toList();
        return new ShippingRisks(now, withinHours, paging.page(), paging.size(), orders);
    }

    @GET
    @Path("/{orderNo}/late-shipment")
    @RolesAllowed({Roles.OPERATOR, Roles.ERP, Roles.ANALYST})
    public LateShipmentLiability liability(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo) {
        return lateShipments.ofOrder(shopId, orderNo, clock.instant());
    }
}
