package storeops.desk.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import storeops.common.security.Roles;
import storeops.common.time.DayPeriod;
import storeops.desk.service.AgentReportService;
import storeops.desk.service.ConcurrentWrite;
import storeops.desk.service.ShiftService;

@Path("/shops/{shopId}")
public class AgentResource {

    private final ShiftService shifts;
    private final AgentReportService reports;

    public AgentResource(ShiftService shifts, AgentReportService reports) {
        this.shifts = shifts;
        this.reports = reports;
    }

    @POST
    @Path("/agents/{agentId}/shifts")
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    public ShiftResult shift(@PathParam("shopId") String shopId, @PathParam("agentId") @Size(max = 128) String agentId,
            @Valid @NotNull ShiftPayload event) {
        return ConcurrentWrite.retried(() -> shifts.record(shopId, agentId, event));
    }

    public record AgentDays(LocalDate date, List<AgentDay> agents) {
    }

    @GET
    @Path("/desk/agents/daily")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR, Roles.ANALYST})
    public AgentDays daily(@PathParam("shopId") String shopId, @QueryParam("date") String date) {
        LocalDate day = DayPeriod.parseDay("date", date);
        return new AgentDays(day, reports.daily(shopId, day));
    }

    @GET
    @Path("/desk/agents/daily")
    @Produces("text/csv")
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR, Roles.ANALYST})
    public String dailyCsv(@PathParam("shopId") String shopId, @QueryParam("date") String date) {
        StringBuilder csv = new StringBuilder(AgentDay.CSV_HEADER).append("\r\n");
        reports.daily(shopId, DayPeriod.parseDay("date", date)).forEach(r -> csv.append(r.csvRow()).append("\r\n"));
        return csv.toString();
    }
}
