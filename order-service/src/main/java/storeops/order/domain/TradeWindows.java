package storeops.order.domain;

import java.time.Duration;

/** A shop's timed rules: how long an order may stay unpaid, how long a buyer has to confirm receipt. */
public record TradeWindows(Duration payWindow, Duration receiptWindow) {
}
