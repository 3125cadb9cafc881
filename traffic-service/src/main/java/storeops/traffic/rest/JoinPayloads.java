package storeops.traffic.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storeops.traffic.domain.Source;

/** Bodies and answers of the internal endpoints (docs/service-contracts.md): the names are fixed. */
public final class JoinPayloads {

    private JoinPayloads() {
    }

    public record PeopleRequest(@NotNull String from, @NotNull String to,
            @NotNull @Size(max = 100_000) List<@NotBlank String> buyerIds) {
    }

    /** {@code unvisited} / {@code notEffective}: the asked ids that are not (effective) visitors of the period. */
    public record PeopleResponse(long distinctVisitors, long effectiveVisitors, List<String> unvisited,
            List<String> notEffective) {
    }

    /**
     * Queries as two columns of equal length: query i is the buyer {@code buyerIds[i]} at
     * {@code at[i]} (epoch milliseconds). Columns because a month of payments is 50,000 queries,
     * read and answered here and in the gateway without an object or a date text per query; checked
     * by {@link TrafficJoinResource} in one pass.
     */
    public record LastVisitsRequest(@Min(1) @Max(8784) Integer lookbackHours,
            @NotNull @Size(max = 100_000) List<String> buyerIds,
            @NotNull @Size(max = 100_000) @Schema(description = "epoch milliseconds") long[] at) {
    }

    /** One entry per query in each column: the source of the last view and its time (epoch ms), both null when none. */
    public record LastVisitsResponse(List<Source> sources, @Schema(description = "epoch milliseconds") List<Long> visitedAt) {
    }

    public record ChannelsResponse(List<Channel> channels) {
    }

    public record Channel(Source channel, long visitors, BigDecimal spend) {
    }
}
