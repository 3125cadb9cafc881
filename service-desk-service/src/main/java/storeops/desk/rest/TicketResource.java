package storeops.desk.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import storeops.common.security.Roles;
import storeops.desk.domain.TicketEvent;
import storeops.desk.domain.TicketStatus;
import storeops.desk.domain.TicketType;
import storeops.desk.repository.TicketRepository;
import storeops.desk.service.TicketService;
import storeops.desk.service.ConcurrentWrite;

@Path("/shops/{shopId}/tickets")
public class TicketResource {

    private final TicketService tickets;

    public TicketResource(TicketService tickets) {
        this.tickets = tickets;
    }

    /**
     * Filters: {@code breached=true} lists the unresolved tickets past their SLA deadline (add
     * {@code includeFinished=true} for the ones resolved or closed late too); {@code dueWithinHours}
     * the running tickets whose deadline falls within that many hours.
     */
    @GET
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR, Roles.ANALYST})
    public TicketPage list(@PathParam("shopId") String shopId, @QueryParam("status") String status,
            @QueryParam("type") String type, @QueryParam("assignee") String assignee,
            @QueryParam("breached") Boolean breached, @QueryParam("includeFinished") boolean includeFinished,
            @QueryParam("dueWithinHours") String dueWithinHours, @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("50") String size) {
        return tickets.search(shopId, new TicketRepository.Filter(
                QueryParams.enumValue(TicketStatus.class, "status", status),
                QueryParams.enumValue(TicketType.class, "type", type), assignee, breached, includeFinished,
                QueryParams.integer("dueWithinHours", dueWithinHours)),
                QueryParams.integer("page", page), QueryParams.integer("size", size));
    }

    @GET
    @Path("/{ticketId}")
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    public TicketView get(@PathParam("shopId") String shopId, @PathParam("ticketId") String ticketId) {
        return tickets.get(shopId, ticketId);
    }

    @PUT
    @Path("/{ticketId}")
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    public TicketWriteResult open(@PathParam("shopId") String shopId,
            @PathParam("ticketId") @Size(max = 128) String ticketId, @Valid @NotNull TicketPayload ticket) {
        return ConcurrentWrite.retried(() -> tickets.open(shopId, ticketId, ticket));
    }

    /**
     * The lifecycle commands {@code assign, start, wait-buyer, resume, resolve, close, reopen}, each
     * with its time in {@code at} (default now; the body may be left out); one the ticket's state forbids is a 409, an unknown one a 404.
     */
    @POST
    @Path("/{ticketId}/{command}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    public TicketView command(@PathParam("shopId") String shopId, @PathParam("ticketId") String ticketId,
            @PathParam("command") String command, @Valid TicketCommand body) {
        TicketEvent event = TicketEvent.ofCommand(command);
        return ConcurrentWrite.retried(() -> tickets.command(shopId, ticketId, event, body));
    }
}
