package storeops.desk.domain;

public enum TicketStatus {
    OPEN, IN_PROGRESS, WAITING_BUYER, RESOLVED, CLOSED;

    /** Resolved or closed: the SLA clock has stopped. */
    public boolean finished() {
        return this == RESOLVED || this == CLOSED;
    }
}
