package storeops.desk.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The incoming agent's acknowledgement; {@code at} defaults to now. */
public record HandoverAck(@NotBlank @Size(max = 128) String agentId, Instant at) {
}
