package storeops.order.service;

import java.util.Map;
import storeops.common.time.DayPeriod;

/**
 * A part of the order keys of metrics.csv. The metrics endpoint answers the union of every
 * source, so refunds or late shipment add their keys without touching the trade's code.
 */
public interface OrderMetricSource {

    Map<String, Object> metrics(String shopId, DayPeriod period);
}
