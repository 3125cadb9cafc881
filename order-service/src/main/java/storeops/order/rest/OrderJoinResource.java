package storeops.order.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import storeops.common.audit.ReadsOnly;
import storeops.common.security.Roles;
import storeops.common.time.DayPeriod;
import storeops.order.config.OrderConfig;
import storeops.order.domain.Terminal;
import storeops.order.repository.OrderBriefStore.Brief;
import storeops.order.repository.OrderBriefStore;
import storeops.order.service.OrderJoinService.BuyerSets;
import storeops.order.service.OrderJoinService.Reminder;
import storeops.order.service.OrderJoinService;

/** The internal endpoints of docs/service-contracts.md: buyer sets and order lists for the gateway's joins. */
@Path("/shops/{shopId}/orders")
public class OrderJoinResource {

    public record PeriodRequest(String from, String to) {
    }

    public record BuyerOrdersRequest(String from, String to, @NotNull @Size(max = 100_000) List<String> buyerIds) {
    }

    /** The answer's shape as documented; written by {@link #orders}, not built as objects. */
    public record OrdersResponse(List<OrderBriefView> orders) {
    }

    /** {@code {orderNo, buyerId, terminal, createdAt, paidAt, goodsAmount}}, times as ISO-8601 instants. */
    public record OrderBriefView(String orderNo, String buyerId, Terminal terminal, Instant createdAt, Instant paidAt,
            BigDecimal goodsAmount) {
    }

    /**
     * The orders paid in a period as columns, one entry per order in each, by payment time: what
     * channel attribution needs of them. At 48,000 orders a month this is a fifth of the same
     * orders as objects, and it is read and written without building one object an order.
     */
    public record PaidOrdersResponse(List<String> orderNos, List<String> buyerIds,
            @Schema(description = "epoch milliseconds") List<Long> paidAt, List<BigDecimal> goodsAmounts) {
    }

    public record RemindersResponse(List<Reminder> orders) {
    }

    private final OrderJoinService joins;
    private final OrderConfig config;
    private final ObjectMapper json;

    public OrderJoinResource(OrderJoinService joins, OrderConfig config, ObjectMapper json) {
        this.joins = joins;
        this.config = config;
        this.json = json;
    }

    @POST
    @ReadsOnly
    @Path("/buyer-sets")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BuyerSets.class)))
    public byte[] buyerSets(@PathParam("shopId") String shopId, @Valid @NotNull PeriodRequest request) {
        return joins.buyerSetsAnswer(shopId, DayPeriod.parse(request.from(), request.to()), json::writeValueAsBytes);
    }

    @POST
    @ReadsOnly
    @Path("/buyer-orders")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrdersResponse.class)))
    public StreamingOutput buyerOrders(@PathParam("shopId") String shopId, @Valid @NotNull BuyerOrdersRequest request) {
        List<Brief> found = joins.buyerOrders(shopId, DayPeriod.parse(request.from(), request.to()), request.buyerIds());
        return orders(sink -> {
            for (Brief brief : found) {
                sink.accept(brief);
            }
        });
    }

    @GET
    @Path("/paid")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PaidOrdersResponse.class)))
    public byte[] paid(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return joins.paidAnswer(shopId, DayPeriod.parse(from, to), paid -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(paid.size() * 48 + 64);
            try (JsonGenerator g = json.createGenerator(out)) {
                g.writeStartObject();
                column(g, "orderNos", paid, b -> g.writeString(b.orderNo()));
                column(g, "buyerIds", paid, b -> g.writeString(b.buyerId()));
                column(g, "paidAt", paid, b -> g.writeNumber(b.paidAt()));
                column(g, "goodsAmounts", paid, b -> g.writeNumber(b.goodsAmount()));
                g.writeEndObject();
            }
            return out.toByteArray();
        });
    }

    private static void column(JsonGenerator g, String name, List<Brief> rows, OrderBriefStore.Sink value)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (Brief row : rows) {
            value.accept(row);
        }
        g.writeEndArray();
    }

    /** Something that hands rows to a sink. */
    private interface Rows {
        void into(OrderBriefStore.Sink sink) throws IOException;
    }

    /**
     * {@code {"orders": [...]}} written row by row as the rows come (tens of thousands of orders,
     * megabytes of JSON, never held as objects), in {@link OrderBriefView}'s field order and formats.
     */
    private StreamingOutput orders(Rows rows) {
        return out -> {
            // a few large writes to the response rather than one per generator buffer (8 KB)
            try (JsonGenerator g = json.createGenerator(new BufferedOutputStream(out, 1 << 16))) {
                g.writeStartObject();
                g.writeArrayFieldStart("orders");
                rows.into(b -> {
                    g.writeStartObject();
                    g.writeStringField("orderNo", b.orderNo());
                    g.writeStringField("buyerId", b.buyerId());
                    g.writeStringField("terminal", b.terminal());
                    g.writeStringField("createdAt", Instant.ofEpochMilli(b.createdAt()).toString());
                    g.writeStringField("paidAt", b.paidAt() == null ? null : Instant.ofEpochMilli(b.paidAt()).toString());
                    g.writeFieldName("goodsAmount");
                    g.writeNumber(b.goodsAmount());
                    g.writeEndObject();
                });
                g.writeEndArray();
                g.writeEndObject();
            }
        };
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
