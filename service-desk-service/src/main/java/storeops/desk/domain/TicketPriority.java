package storeops.desk.domain;

public enum TicketPriority {
    LOW, NORMAL, HIGH, URGENT
}
