package storeops.common.version;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import storeops.common.problem.ProblemException;
import storeops.common.time.DayPeriod;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import storeops.common.security.Roles;

/**
 * The shop's data version (docs/service-contracts.md), of all its data or, with {@code from} and
 * {@code to}, of those natural days only: a reader keeps what it composed until it moves. The
 * range has no length limit, since a reader's period depends on days before it (returning buyers
 * look back 365 days). Each service names the path under its own segment in a subclass.
 */
public abstract class DataVersionEndpoint {

    private final DataVersions versions;

    protected DataVersionEndpoint(DataVersions versions) {
        this.versions = versions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    public DataVersionView version(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        if (from == null && to == null) {
            return DataVersionView.of(shopId, versions.current(shopId));
        }
        LocalDate first = DayPeriod.parseDay("from", from);
        LocalDate last = DayPeriod.parseDay("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        return DataVersionView.of(shopId, versions.current(shopId, first, last));
    }
}
