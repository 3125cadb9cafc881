package storeops.common.version;

/** The answer of a service's {@code data-version} endpoint; the token is opaque to readers. */
public record DataVersionView(String shopId, String version) {

    public static DataVersionView of(String shopId, long version) {
        return new DataVersionView(shopId, Long.toHexString(version));
    }
}
