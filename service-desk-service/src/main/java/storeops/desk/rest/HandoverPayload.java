package storeops.desk.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * What the outgoing shift leaves. Without {@code ticketIds} the outgoing agent's unresolved tickets
 * are linked; without {@code conversationIds} its conversations whose buyer still waits for an answer.
 */
public record HandoverPayload(
        @NotBlank @Size(max = 128) String outgoingAgentId,
        @Size(max = 128) String incomingAgentId,
        Instant handedOverAt,
        @Size(max = 1000) List<@NotNull @Size(max = 128) String> ticketIds,
        @Size(max = 1000) List<@NotNull @Size(max = 128) String> conversationIds,
        @Size(max = 4000) String notes) {
}
