package storeops.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import storeops.common.time.DayPeriod;
import storeops.gateway.client.OrderApi.BuyerOrdersQuery;
import storeops.gateway.client.OrderApi.BuyerSets;
import storeops.gateway.client.OrderApi.Orders;
import storeops.gateway.client.OrderApi.PaidOrders;
import storeops.gateway.client.OrderApi.PeriodQuery;

/** order-service behind fault tolerance; the same policy as {@link TrafficClient}. */
@ApplicationScoped
@Timeout(ServiceCalls.TIMEOUT_MS)
@Retry(maxRetries = 1, delay = 50, abortOn = TimeoutException.class)
@CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = ServiceCalls.OPEN_MS)
public class OrderClient {

    private final OrderApi api;

    public OrderClient(@RestClient OrderApi api) {
        this.api = api;
    }

    /** The shop's data versions of the ranges of days: never retried, as a late token only costs one cache look-up. */
    @Fallback(fallbackMethod = "noDataVersion")
    @Retry(maxRetries = 0)
    public Uni<DataVersion> dataVersion(Caller caller, String shopId, List<DayRange> ranges) {
        return api.dataVersion(caller.authorization(), caller.forwardedFor(), shopId,
                ranges.stream().map(r -> r.from().toString()).toList(),
                ranges.stream().map(r -> r.to().toString()).toList());
    }

    @Fallback(fallbackMethod = "noMetrics")
    public Uni<MetricsAnswer> metrics(Caller caller, String shopId, DayPeriod period) {
        return api.metrics(caller.authorization(), caller.forwardedFor(), shopId, period.from().toString(),
                period.to().toString());
    }

    @Fallback(fallbackMethod = "noDaily")
    public Uni<DailyAnswer> daily(Caller caller, String shopId, DayPeriod period) {
        return api.daily(caller.authorization(), caller.forwardedFor(), shopId, period.from().toString(),
                period.to().toString());
    }

    @Fallback(fallbackMethod = "noBuyerSets")
    @Timeout(ServiceCalls.JOIN_TIMEOUT_MS)
    public Uni<BuyerSets> buyerSets(Caller caller, String shopId, DayPeriod period) {
        return api.buyerSets(caller.authorization(), caller.forwardedFor(), shopId,
                new PeriodQuery(period.from(), period.to()));
    }

    @Fallback(fallbackMethod = "noBuyerOrders")
    @Timeout(ServiceCalls.JOIN_TIMEOUT_MS)
    public Uni<Orders> buyerOrders(Caller caller, String shopId, DayPeriod period, Collection<String> buyerIds) {
        return api.buyerOrders(caller.authorization(), caller.forwardedFor(), shopId,
                new BuyerOrdersQuery(period.from(), period.to(), buyerIds));
    }

    @Fallback(fallbackMethod = "noPaid")
    @Timeout(ServiceCalls.JOIN_TIMEOUT_MS)
    public Uni<PaidOrders> paid(Caller caller, String shopId, DayPeriod period) {
        return api.paid(caller.authorization(), caller.forwardedFor(), shopId, period.from().toString(),
                period.to().toString());
    }

    @Fallback(fallbackMethod = "noShippingRisks")
    public Uni<JsonNode> shippingRisks(Caller caller, String shopId, int withinHours) {
        return api.shippingRisks(caller.authorization(), caller.forwardedFor(), shopId, withinHours);
    }

    @Fallback(fallbackMethod = "noPaymentReminders")
    public Uni<JsonNode> paymentReminders(Caller caller, String shopId, int withinMinutes) {
        return api.paymentReminders(caller.authorization(), caller.forwardedFor(), shopId, withinMinutes);
    }

    @Fallback(fallbackMethod = "noOpenInvoices")
    public Uni<JsonNode> openInvoices(Caller caller, String shopId, int openOlderThanHours) {
        return api.openInvoices(caller.authorization(), caller.forwardedFor(), shopId, openOlderThanHours);
    }

    Uni<DataVersion> noDataVersion(Caller caller, String shopId, List<DayRange> ranges) {
        return Uni.createFrom().nullItem();
    }

    Uni<MetricsAnswer> noMetrics(Caller caller, String shopId, DayPeriod period) {
        return Uni.createFrom().nullItem();
    }

    Uni<DailyAnswer> noDaily(Caller caller, String shopId, DayPeriod period) {
        return Uni.createFrom().nullItem();
    }

    Uni<BuyerSets> noBuyerSets(Caller caller, String shopId, DayPeriod period) {
        return Uni.createFrom().nullItem();
    }

    Uni<Orders> noBuyerOrders(Caller caller, String shopId, DayPeriod period, Collection<String> buyerIds) {
        return Uni.createFrom().nullItem();
    }

    Uni<PaidOrders> noPaid(Caller caller, String shopId, DayPeriod period) {
        return Uni.createFrom().nullItem();
    }

    Uni<JsonNode> noShippingRisks(Caller caller, String shopId, int withinHours) {
        return Uni.createFrom().nullItem();
    }

    Uni<JsonNode> noPaymentReminders(Caller caller, String shopId, int withinMinutes) {
        return Uni.createFrom().nullItem();
    }

    Uni<JsonNode> noOpenInvoices(Caller caller, String shopId, int openOlderThanHours) {
        return Uni.createFrom().nullItem();
    }
}
