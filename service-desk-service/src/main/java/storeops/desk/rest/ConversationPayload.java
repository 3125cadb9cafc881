package storeops.desk.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import storeops.desk.domain.Sender;

/** A chat log from the shop's IM tool (contract.md, PUT .../conversations/{conversationId}). */
public record ConversationPayload(
        @NotBlank @Size(max = 128) String buyerId,
        @NotBlank @Size(max = 128) String agentId,
        @NotNull Instant startedAt,
        @NotNull @Size(max = 10_000) List<@Valid @NotNull Message> messages) {

    public record Message(@NotNull Sender sender, @NotNull Instant sentAt, @Size(max = 10_000) String text) {
    }
}
