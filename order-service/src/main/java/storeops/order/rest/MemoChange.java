package storeops.order.rest;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import storeops.order.domain.MemoFlag;

/** The seller memo (备注小红旗): a flag colour and a note; who changed it comes from the token. */
public record MemoChange(MemoFlag flag, @Size(max = 1000) String note, Instant at) {
}
