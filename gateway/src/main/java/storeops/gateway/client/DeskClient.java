package storeops.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import storeops.common.time.DayPeriod;
import storeops.gateway.client.DeskApi.Agents;
import storeops.gateway.client.DeskApi.ConsultedBuyers;
import storeops.gateway.client.DeskApi.Dsr;
import storeops.gateway.client.DeskApi.FirstChats;

/** service-desk-service behind fault tolerance; the same policy as {@link TrafficClient}. */
@ApplicationScoped
@Timeout(ServiceCalls.TIMEOUT_MS)
@Retry(maxRetries = 1, delay = 50, abortOn = TimeoutException.class)
@CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = ServiceCalls.OPEN_MS)
public class DeskClient {

    private final DeskApi api;

    public DeskClient(@RestClient DeskApi api) {
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

    @Fallback(fallbackMethod = "noFirstChats")
    @Timeout(ServiceCalls.JOIN_TIMEOUT_MS)
    public Uni<FirstChats> firstChats(Caller caller, String shopId, DayPeriod period) {
        return api.firstChats(caller.authorization(), caller.forwardedFor(), shopId, period.from().toString(),
                period.to().toString());
    }

    @Fallback(fallbackMethod = "noConsultedBuyers")
    @Timeout(ServiceCalls.JOIN_TIMEOUT_MS)
    public Uni<ConsultedBuyers> consultedBuyers(Caller caller, String shopId, DayPeriod period) {
        return api.consultedBuyers(caller.authorization(), caller.forwardedFor(), shopId,
                period.from().toString(), period.to().toString());
    }

    @Fallback(fallbackMethod = "noAgents")
    public Uni<Agents> agents(Caller caller, String shopId, DayPeriod period) {
        return api.agents(caller.authorization(), caller.forwardedFor(), shopId, period.from().toString(),
                period.to().toString());
    }

    @Fallback(fallbackMethod = "noBreachedTickets")
    public Uni<JsonNode> breachedTickets(Caller caller, String shopId) {
        return api.breachedTickets(caller.authorization(), caller.forwardedFor(), shopId, true);
    }

    @Fallback(fallbackMethod = "noTicketsDueWithin")
    public Uni<JsonNode> ticketsDueWithin(Caller caller, String shopId, int hours) {
        return api.ticketsDueWithin(caller.authorization(), caller.forwardedFor(), shopId, hours);
    }

    @Fallback(fallbackMethod = "noDsr")
    public Uni<Dsr> dsr(Caller caller, String shopId, LocalDate date) {
        return api.dsr(caller.authorization(), caller.forwardedFor(), shopId, date.toString());
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

    Uni<FirstChats> noFirstChats(Caller caller, String shopId, DayPeriod period) {
        return Uni.createFrom().nullItem();
    }

    Uni<ConsultedBuyers> noConsultedBuyers(Caller caller, String shopId, DayPeriod period) {
        return Uni.createFrom().nullItem();
    }

    Uni<Agents> noAgents(Caller caller, String shopId, DayPeriod period) {
        return Uni.createFrom().nullItem();
    }

    Uni<JsonNode> noBreachedTickets(Caller caller, String shopId) {
        return Uni.createFrom().nullItem();
    }

    Uni<JsonNode> noTicketsDueWithin(Caller caller, String shopId, int hours) {
        return Uni.createFrom().nullItem();
    }

    Uni<Dsr> noDsr(Caller caller, String shopId, LocalDate date) {
        return Uni.createFrom().nullItem();
    }
}
