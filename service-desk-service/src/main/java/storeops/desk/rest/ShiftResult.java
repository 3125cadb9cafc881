package storeops.desk.rest;

import java.time.Instant;
import storeops.desk.domain.ShiftEvent;
import storeops.desk.domain.ShiftState;

public record ShiftResult(String agentId, ShiftEvent event, Instant at, ShiftState state, WriteOutcome outcome) {
}
