package storeops.traffic.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import storeops.traffic.domain.Source;

/** Bodies and answers of the internal endpoints (docs/service-contracts.md): the names are fixed. */
public final class JoinPayloads {

    private JoinPayloads() {
    }

    public record PeopleRequest(@NotNull String from, @NotNull String to,
            @NotNull @Size(max = 100_000) List<@NotBlank String> buyerIds) {
    }

    public record PeopleResponse(long distinctVisitors, long effectiveVisitors, List<String> visited,
            List<String> effective) {
    }

    public record LastVisitsRequest(@Min(1) @Max(8784) Integer lookbackHours,
            @NotNull @Size(max = 100_000) List<Query> queries) {
    }

    /**
     * Checked by {@link TrafficJoinResource} in one pass: cascading Bean Validation into 50,000
     * queries cost more than answering them.
     */
    public record Query(String buyerId, Instant at) {
    }

    public record LastVisitsResponse(List<Visit> visits) {
    }

    public record Visit(String buyerId, Instant at, Source source, Instant visitedAt) {
    }

    public record ChannelsResponse(List<Channel> channels) {
    }

    public record Channel(Source channel, long visitors, BigDecimal spend) {
    }
}
