package storeops.order.rest;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import storeops.order.domain.Actor;

/**
 * The data of a lifecycle command: its time in {@code at} (default now), a reason, the lines of a
 * part shipment, and who extends the receipt by how many days.
 */
public record CommandBody(Instant at, @Size(max = 255) String reason, List<Integer> lineNos, Actor by, Integer days) {

    static final CommandBody EMPTY = new CommandBody(null, null, null, null, null);

    static CommandBody orEmpty(CommandBody body) {
        return body == null ? EMPTY : body;
    }
}
