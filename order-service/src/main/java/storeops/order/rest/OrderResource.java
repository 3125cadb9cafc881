package storeops.order.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import storeops.common.problem.ProblemException;
import storeops.common.security.Roles;
import storeops.order.repository.OrderRepository;
import storeops.order.service.OrderSyncService;

@Path("/shops/{shopId}/orders")
public class OrderResource {

    private final OrderSyncService sync;
    private final OrderRepository orders;

    public OrderResource(OrderSyncService sync, OrderRepository orders) {
        this.sync = sync;
        this.orders = orders;
    }

    @GET
    @Path("/{orderNo}")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public OrderView get(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo) {
        return orders.find(shopId, orderNo).map(OrderView::of)
                .orElseThrow(() -> ProblemException.notFound("No order " + orderNo + " in shop " + shopId));
    }

    @PUT
    @Path("/{orderNo}")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public UpsertResult upsert(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid @NotNull OrderPayload order) {
        if (order.orderNo() != null && !order.orderNo().equals(orderNo)) {
            throw ProblemException.invalidField("orderNo", "differs from the order number in the path");
        }
        return sync.upsert(shopId, orderNo, order);
    }
}
