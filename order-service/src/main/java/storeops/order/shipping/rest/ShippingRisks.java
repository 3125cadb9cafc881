package storeops.order.shipping.rest;

import java.time.Instant;
import java.util.List;

public record ShippingRisks(Instant at, int withinHours, int page, int size, List<ShippingRisk> orders) {
}
