package storeops.order.cod.rest;

import jakarta.validation.constraints.Size;
import java.time.Instant;

/** confirm: how the buyer confirmed ({@code note}); its time in {@code at}, default now. */
public record CodCommand(Instant at, @Size(max = 500) String note) {

    public static final CodCommand NOW = new CodCommand(null, null);
}
