package storeops.desk.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** contract.md, PUT .../ratings/{orderNo}: each score 1 to 5 or null. */
public record RatingPayload(
        @NotBlank @Size(max = 128) String buyerId,
        @NotNull Instant ratedAt,
        @Min(1) @Max(5) Integer description,
        @Min(1) @Max(5) Integer service,
        @Min(1) @Max(5) Integer logistics) {
}
