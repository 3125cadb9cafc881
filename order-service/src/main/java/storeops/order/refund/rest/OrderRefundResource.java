package storeops.order.refund.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import storeops.common.problem.ProblemException;
import storeops.common.security.Roles;
import storeops.order.refund.domain.GoodsCondition;
import storeops.order.refund.domain.ReturnEligibility;
import storeops.order.refund.service.RefundService;
import storeops.order.refund.service.ReturnEligibilityService;

/** An order seen from its refunds: gross and net amounts, and whether its goods may be returned without a reason. */
@Path("/shops/{shopId}/orders/{orderNo}")
public class OrderRefundResource {

    private final RefundService refunds;
    private final ReturnEligibilityService eligibility;
    private final Clock clock;

    public OrderRefundResource(RefundService refunds, ReturnEligibilityService eligibility, Clock clock) {
        this.clock = clock;
        this.refunds = refunds;
        this.eligibility = eligibility;
    }

    @GET
    @Path("/refunds")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR, Roles.AGENT})
    public OrderRefundSummary refunds(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo) {
        return refunds.summary(shopId, orderNo);
    }

    /** Seven-day no-reason return: {@code at} (default now) is when the buyer would ship the return. */
    @GET
    @Path("/return-eligibility")
    @RolesAllowed({Roles.ERP, Roles.OPERATOR, Roles.AGENT})
    public ReturnEligibility returnEligibility(@PathParam("shopId") String shopId,
            @PathParam("orderNo") String orderNo, @QueryParam("at") String at,
            @QueryParam("packagingIntact") Boolean packagingIntact, @QueryParam("tagsIntact") Boolean tagsIntact,
            @QueryParam("accessoriesComplete") Boolean accessoriesComplete,
            @QueryParam("resellable") Boolean resellable, @QueryParam("qualityProblem") Boolean qualityProblem) {
        return eligibility.evaluate(shopId, orderNo, at == null || at.isBlank() ? clock.instant() : instant("at", at),
                new GoodsCondition(packagingIntact, tagsIntact, accessoriesComplete, resellable, qualityProblem));
    }

    private static Instant instant(String field, String value) {
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "'" + value + "' is not an ISO-8601 instant with offset");
        }
    }
}
