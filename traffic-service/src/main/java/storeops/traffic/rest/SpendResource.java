package storeops.traffic.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import storeops.common.problem.ProblemException;
import storeops.common.security.Roles;
import storeops.common.time.DayPeriod;
import storeops.common.version.WrittenDays;
import storeops.traffic.domain.Source;
import storeops.traffic.repository.SpendStore;

@Path("/shops/{shopId}/traffic/spend/{date}/{channel}")
public class SpendResource {

    private final SpendStore spend;
    private final WrittenDays written;

    public SpendResource(SpendStore spend, WrittenDays written) {
        this.spend = spend;
        this.written = written;
    }

    /** Sets the spend of a channel on a natural day (a replay changes nothing). */
    @PUT
    @RolesAllowed(Roles.OPERATOR)
    public SpendView put(@PathParam("shopId") String shopId, @PathParam("date") String date,
            @PathParam("channel") String channel, @Valid @NotNull SpendPayload body) {
        LocalDate day = DayPeriod.parseDay("date", date);
        Source source;
        try {
            source = Source.valueOf(channel);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("channel",
                    "unknown value '" + channel + "', expected one of " + Arrays.toString(Source.values()));
        }
        var amount = body.amount().setScale(2, RoundingMode.UNNECESSARY);
        spend.put(shopId, day, source, amount, Clock.systemUTC().millis());
        written.add(shopId, day);
        return new SpendView(day, source, amount);
    }
}
