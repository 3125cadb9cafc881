package storeops.gateway.client;

import java.util.List;

/**
 * A service's data version of one shop (docs/service-contracts.md); opaque, compared for equality
 * only. {@code versions}: one per range asked, in order.
 */
public record DataVersion(String shopId, String version, List<String> versions) {
}
