package storeops.desk.rest;

import java.util.List;

public record TicketPage(List<TicketView> tickets, int page, int size, long total) {
}
