package storeops.order.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import storeops.common.problem.ProblemException;
import storeops.common.security.ContactMasking;
import storeops.common.security.Roles;
import storeops.order.domain.Order;
import storeops.order.service.OrderLifecycleService;

/** The trade lifecycle as commands; a command the order's state does not allow is a 409. */
@Path("/shops/{shopId}/orders/{orderNo}")
public class OrderCommandResource {

    private final OrderLifecycleService lifecycle;
    private final ContactMasking masking;
    private final SecurityIdentity identity;

    public OrderCommandResource(OrderLifecycleService lifecycle, ContactMasking masking, SecurityIdentity identity) {
        this.lifecycle = lifecycle;
        this.masking = masking;
        this.identity = identity;
    }

    @POST
    @Path("/pay")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public OrderView pay(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid CommandBody body) {
        return view(lifecycle.pay(shopId, orderNo, CommandBody.orEmpty(body).at()));
    }

    @POST
    @Path("/pay-deposit")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public OrderView payDeposit(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid CommandBody body) {
        return view(lifecycle.payDeposit(shopId, orderNo, CommandBody.orEmpty(body).at()));
    }

    @POST
    @Path("/confirm-cod")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public OrderView confirmCod(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid CommandBody body) {
        return view(lifecycle.confirmCod(shopId, orderNo, CommandBody.orEmpty(body).at()));
    }

    @POST
    @Path("/ship")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public OrderView ship(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid CommandBody body) {
        return view(lifecycle.ship(shopId, orderNo, CommandBody.orEmpty(body).at()));
    }

    @POST
    @Path("/ship-part")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public OrderView shipPart(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid CommandBody body) {
        CommandBody b = CommandBody.orEmpty(body);
        return view(lifecycle.shipPart(shopId, orderNo, b.lineNos(), b.at()));
    }

    @POST
    @Path("/confirm")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public OrderView confirm(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid CommandBody body) {
        return view(lifecycle.confirm(shopId, orderNo, CommandBody.orEmpty(body).at()));
    }

    @POST
    @Path("/extend-receipt")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public OrderView extendReceipt(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid CommandBody body) {
        CommandBody b = CommandBody.orEmpty(body);
        if (b.days() == null) {
            throw ProblemException.invalidField("days", "is required");
        }
        return view(lifecycle.extendReceipt(shopId, orderNo, b.by(), b.days(), b.at()));
    }

    @POST
    @Path("/sign")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public OrderView sign(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid CommandBody body) {
        return view(lifecycle.sign(shopId, orderNo, CommandBody.orEmpty(body).at()));
    }

    @POST
    @Path("/close")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public OrderView close(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid CommandBody body) {
        CommandBody b = CommandBody.orEmpty(body);
        return view(lifecycle.close(shopId, orderNo, b.at(), b.reason()));
    }

    @POST
    @Path("/cancel")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public OrderView cancel(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid CommandBody body) {
        CommandBody b = CommandBody.orEmpty(body);
        return view(lifecycle.cancel(shopId, orderNo, b.at(), b.reason()));
    }

    /** Accepted only for a request carrying the order's own buyer id, and only before shipment. */
    @POST
    @Path("/address")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR, Roles.AGENT})
    public OrderView changeAddress(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid @NotNull AddressChange change) {
        return view(lifecycle.changeAddress(shopId, orderNo, change.buyerId(), change.receiverName(),
                change.receiverPhone(), change.receiverAddress(), change.at()));
    }

    @PUT
    @Path("/memo")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR, Roles.AGENT})
    public OrderView memo(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @Valid @NotNull MemoChange memo) {
        return view(lifecycle.markMemo(shopId, orderNo, memo.flag(), memo.note(), identity.getPrincipal().getName(),
                memo.at()));
    }

    private OrderView view(Order order) {
        return OrderView.of(order, masking);
    }
}
