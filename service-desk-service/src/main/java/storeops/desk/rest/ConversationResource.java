package storeops.desk.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import storeops.common.security.Roles;
import storeops.desk.service.ConversationService;
import storeops.desk.service.ConcurrentWrite;

@Path("/shops/{shopId}/conversations/{conversationId}")
public class ConversationResource {

    private final ConversationService conversations;

    public ConversationResource(ConversationService conversations) {
        this.conversations = conversations;
    }

    @PUT
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    public ConversationWriteResult put(@PathParam("shopId") String shopId,
            @PathParam("conversationId") @Size(max = 128) String conversationId, @Valid @NotNull ConversationPayload conversation) {
        return ConcurrentWrite.retried(() -> conversations.put(shopId, conversationId, conversation));
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    public ConversationView get(@PathParam("shopId") String shopId, @PathParam("conversationId") String conversationId) {
        return conversations.get(shopId, conversationId);
    }
}
