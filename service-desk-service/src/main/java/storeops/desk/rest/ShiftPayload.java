package storeops.desk.rest;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import storeops.desk.domain.ShiftEvent;

/** One shift event of an agent; {@code at} defaults to now. */
public record ShiftPayload(@NotNull ShiftEvent event, Instant at) {
}
