package storeops.desk.rest;

public record TicketWriteResult(WriteOutcome outcome, TicketView ticket) {
}
