package storeops.gateway.client;

/** A service's data version of one shop (docs/service-contracts.md); opaque, compared for equality only. */
public record DataVersion(String shopId, String version) {
}
