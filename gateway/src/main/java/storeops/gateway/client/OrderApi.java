package storeops.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** order-service as docs/service-contracts.md publishes it. */
@RegisterRestClient(configKey = "order")
@Path("/shops/{shopId}")
public interface OrderApi {

    @GET
    @Path("/orders/data-version")
    Uni<DataVersion> dataVersion(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("from") List<String> from, @QueryParam("to") List<String> to);


    @GET
    @Path("/orders/metrics")
    Uni<MetricsAnswer> metrics(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/orders/metrics/daily")
    Uni<DailyAnswer> daily(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @POST
    @Path("/orders/buyer-sets")
    Uni<BuyerSets> buyerSets(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            PeriodQuery query);

    @POST
    @Path("/orders/buyer-orders")
    Uni<Orders> buyerOrders(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            BuyerOrdersQuery query);

    @GET
    @Path("/orders/paid")
    Uni<PaidOrders> paid(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/orders/shipping-risks")
    Uni<JsonNode> shippingRisks(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("withinHours") int withinHours);

    @GET
    @Path("/orders/payment-reminders")
    Uni<JsonNode> paymentReminders(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("withinMinutes") int withinMinutes);

    @GET
    @Path("/invoices")
    Uni<JsonNode> openInvoices(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @PathParam("shopId") String shopId,
            @QueryParam("openOlderThanHours") int openOlderThanHours);

    record PeriodQuery(LocalDate from, LocalDate to) {
    }

    /**
     * Everyone who ordered or paid in the period, each id once: {@code orderBuyers} placed an order
     * in it, those who also paid in it first ({@code paidOrderBuyerCount} of them);
     * {@code paidNotOrderedBuyers} paid in it for orders placed before it. The funnel needs how many
     * paid and ordered-and-paid, not who, beyond the consulted among them.
     */
    record BuyerSets(List<String> orderBuyers, int paidOrderBuyerCount, List<String> paidNotOrderedBuyers,
            long orderedAndPaidBuyerCount) {

        /** The buyers who paid in the period. */
        public long paidBuyerCount() {
            return paidOrderBuyerCount + paidNotOrderedBuyers.size();
        }
    }

    record BuyerOrdersQuery(LocalDate from, LocalDate to, Collection<String> buyerIds) {
    }

    record Orders(List<OrderSummary> orders) {
    }

    /**
     * The orders paid in a period as columns of equal length, by payment time; {@code paidAt} in epoch ms.
     * The answer's {@code orderNos} column is not read: attribution needs the buyer, the instant and the amount.
     */
    record PaidOrders(List<String> buyerIds, long[] paidAt, List<BigDecimal> goodsAmounts) {
        public int size() {
            return paidAt.length;
        }
    }

    record OrderSummary(String orderNo, String buyerId, String terminal, Instant createdAt, Instant paidAt,
            BigDecimal goodsAmount) {
    }
}
