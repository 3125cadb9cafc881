package storeops.order.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A new receiver, asked for by the buyer whose id the request carries. */
public record AddressChange(@NotBlank String buyerId, @Size(max = 128) String receiverName,
        @NotBlank @Size(max = 32) String receiverPhone, @NotBlank @Size(max = 500) String receiverAddress, Instant at) {
}
