package storeops.common.version;

import java.util.List;

/**
 * The answer of a service's {@code data-version} endpoint; the tokens are opaque to readers.
 * {@code versions}: one per range asked, in order (empty when none was).
 */
public record DataVersionView(String shopId, String version, List<String> versions) {

    public static DataVersionView of(String shopId, long version, List<Long> versions) {
        return new DataVersionView(shopId, Long.toHexString(version), versions.stream().map(Long::toHexString).toList());
    }
}
