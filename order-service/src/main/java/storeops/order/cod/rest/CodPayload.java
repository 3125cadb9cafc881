package storeops.order.cod.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Where a cash-on-delivery order goes: {@code country} (ISO code, default CN) and province / region. */
public record CodPayload(@Size(max = 8) String country, @NotBlank @Size(max = 64) String region, Instant at) {
}
