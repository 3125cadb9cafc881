package storeops.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import storeops.gateway.client.TrafficApi.Channels;
import storeops.gateway.client.TrafficApi.LastVisits;
import storeops.gateway.client.TrafficApi.LastVisitsQuery;
import storeops.gateway.client.TrafficApi.People;
import storeops.gateway.client.TrafficApi.PeopleQuery;

/**
 * traffic-service behind fault tolerance. Every call here is a read (the joins are POSTs only
 * because their id lists are too long for a query string), so one retry is safe; a call that timed
 * out is not retried, as that would only double the wait. A fallback answers an empty item: the
 * composers read it as "traffic is unavailable" and name the keys it owns in {@code missing}.
 */
@ApplicationScoped
@Timeout(ServiceCalls.TIMEOUT_MS)
@Retry(maxRetries = 1, delay = 50, abortOn = TimeoutException.class)
@CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = ServiceCalls.OPEN_MS)
public class TrafficClient {

    private final TrafficApi api;
    private final ObjectMapper json;

    public TrafficClient(@RestClient TrafficApi api, ObjectMapper json) {
        this.api = api;
        this.json = json;
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

    @Fallback(fallbackMethod = "noPeople")
    @Timeout(ServiceCalls.JOIN_TIMEOUT_MS)
    public Uni<People> people(Caller caller, String shopId, DayPeriod period, Collection<String> buyerIds) {
        return body(new PeopleQuery(period.from(), period.to(), buyerIds))
                .flatMap(body -> api.people(caller.authorization(), caller.forwardedFor(), shopId, body));
    }

    @Fallback(fallbackMethod = "noLastVisits")
    @Timeout(ServiceCalls.JOIN_TIMEOUT_MS)
    public Uni<LastVisits> lastVisits(Caller caller, String shopId, int lookbackHours, List<String> buyerIds,
            long[] at) {
        return body(new LastVisitsQuery(lookbackHours, buyerIds, at))
                .flatMap(body -> api.lastVisits(caller.authorization(), caller.forwardedFor(), shopId, body));
    }

    @Fallback(fallbackMethod = "noChannels")
    public Uni<Channels> channels(Caller caller, String shopId, DayPeriod period) {
        return api.channels(caller.authorization(), caller.forwardedFor(), shopId, period.from().toString(),
                period.to().toString());
    }

    /** The query as UTF-8 JSON, written straight to bytes. */
    private Uni<byte[]> body(Object query) {
        return Uni.createFrom().item(() -> {
            try {
                return json.writeValueAsBytes(query);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Could not write the join query", e);
            }
        });
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

    Uni<People> noPeople(Caller caller, String shopId, DayPeriod period, Collection<String> buyerIds) {
        return Uni.createFrom().nullItem();
    }

    Uni<LastVisits> noLastVisits(Caller caller, String shopId, int lookbackHours, List<String> buyerIds, long[] at) {
        return Uni.createFrom().nullItem();
    }

    Uni<Channels> noChannels(Caller caller, String shopId, DayPeriod period) {
        return Uni.createFrom().nullItem();
    }

}
