package storeops.common.version;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import storeops.common.problem.ProblemException;
import storeops.common.security.Roles;
import storeops.common.time.DayPeriod;

/**
 * The shop's data version (docs/service-contracts.md), of all its data or, with {@code from} and
 * {@code to}, of those natural days only: a reader keeps what it composed until it moves. Several
 * ranges (from and to repeated, paired in order) are answered at once, {@code version} being the
 * first's: a reader of parts that read different days asks once. A range has no length limit,
 * since a reader's period depends on days before it (returning buyers look back 365 days). Each
 * service names the path under its own segment in a subclass.
 */
public abstract class DataVersionEndpoint {

    private final DataVersions versions;

    protected DataVersionEndpoint(DataVersions versions) {
        this.versions = versions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public DataVersionView version(@PathParam("shopId") String shopId, @QueryParam("from") List<String> from,
            @QueryParam("to") List<String> to) {
        if (from.isEmpty() && to.isEmpty()) {
            return DataVersionView.of(shopId, versions.current(shopId), List.of());
        }
        if (from.size() != to.size()) {
            throw ProblemException.invalidField(from.size() < to.size() ? "from" : "to",
                    "every range needs both from and to (" + from.size() + " from, " + to.size() + " to)");
        }
        List<LocalDate[]> ranges = new ArrayList<>(from.size());
        for (int i = 0; i < from.size(); i++) {
            LocalDate first = DayPeriod.parseDay("from", from.get(i));
            LocalDate last = DayPeriod.parseDay("to", to.get(i));
            if (last.isBefore(first)) {
                throw ProblemException.invalidField("to",
                        "must not be before from (" + to.get(i) + " < " + from.get(i) + ")");
            }
            ranges.add(new LocalDate[] {first, last});
        }
        long[] tokens = versions.current(shopId, ranges);
        return DataVersionView.of(shopId, tokens[0], Arrays.stream(tokens).boxed().toList());
    }
}
