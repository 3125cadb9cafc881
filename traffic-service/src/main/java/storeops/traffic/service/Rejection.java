package storeops.traffic.service;

/** An event of a batch refused alone: its position in the batch and why. */
public record Rejection(int index, String eventId, String reason) {
}
