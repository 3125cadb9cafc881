package storeops.order.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import storeops.common.problem.ProblemException;
import storeops.common.security.ContactMasking;
import storeops.common.security.Roles;
import storeops.order.repository.OrderRepository;
import storeops.order.service.OrderLifecycleService;
import storeops.order.service.OrderSyncService;

@Path("/shops/{shopId}/orders")
public class OrderResource {

    private final OrderSyncService sync;
    private final SyncBatchReader batches;
    private final OrderRepository orders;
    private final OrderLifecycleService lifecycle;
    private final ContactMasking masking;
    private final SecurityIdentity identity;

    public OrderResource(OrderSyncService sync, SyncBatchReader batches, OrderRepository orders,
            OrderLifecycleService lifecycle, ContactMasking masking, SecurityIdentity identity) {
        this.identity = identity;
        this.sync = sync;
        this.batches = batches;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.masking = masking;
    }

    @GET
    @Path("/{orderNo}")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR, Roles.AGENT})
    public OrderView get(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo) {
        return OrderView.of(lifecycle.load(shopId, orderNo), masking);
    }

    @GET
    @Path("/{orderNo}/history")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR, Roles.AGENT})
    public List<StatusChangeView> history(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo) {
        return lifecycle.history(shopId, orderNo).stream().map(StatusChangeView::of).toList();
    }

    /**
     * Orders by modification time, oldest first, so an ERP pulls increments the way it pulls them
     * from the platform. An agent reads only the orders of the buyer it serves.
     */
    @GET
    @RolesAllowed({Roles.ERP, Roles.OPERATOR, Roles.AGENT})
    public OrderPage list(@PathParam("shopId") String shopId, @QueryParam("modifiedSince") String modifiedSince,
            @QueryParam("buyerId") String buyerId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (buyerId == null && isAgentOnly()) {
            throw ProblemException.invalidField("buyerId", "an agent lists the orders of the buyer it serves");
        }
        Instant since = parseInstant(modifiedSince);
        List<OrderView> views = orders.modifiedSince(shopId, since, buyerId, page, size).stream()
                .map(o -> OrderView.of(o, masking)).toList();
        return new OrderPage(page, size, views);
    }

    public record OrderPage(int page, int size, List<OrderView> orders) {
    }

    @PUT
    @Path("/{orderNo}")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public UpsertResult upsert(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid @NotNull OrderPayload order) {
        if (order.orderNo() != null && !order.orderNo().equals(orderNo)) {
            throw ProblemException.invalidField("orderNo", "differs from the order number in the path");
        }
        return sync.upsert(shopId, orderNo, order.toSnapshot());
    }

    /** Up to 5,000 orders; each is created, updated, unchanged, stale or rejected on its own. */
    @POST
    @Path("/sync")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public SyncReport syncBatch(@PathParam("shopId") String shopId, JsonNode body) {
        return SyncReport.of(sync.sync(shopId, batches.read(body)));
    }

    private boolean isAgentOnly() {
        return identity.hasRole(Roles.AGENT) && !identity.hasRole(Roles.ERP) && !identity.hasRole(Roles.OPERATOR);
    }

    private static Instant parseInstant(String value) {
        if (value == null || value.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("modifiedSince", "'" + value + "' is not an ISO-8601 instant with offset");
        }
    }
}
