package storeops.order.cod.domain;

import java.util.Locale;
import java.util.Set;
import storeops.common.problem.ProblemException;

/** Where a cash-on-delivery parcel goes: mainland China only (not Hong Kong, Macau, Taiwan or abroad). */
public final class CodDestination {

    private static final Set<String> EXCLUDED_REGIONS = Set.of("香港", "澳门", "澳門", "台湾", "台灣", "HONG KONG",
            "HONGKONG", "HK", "MACAU", "MACAO", "MO", "TAIWAN", "TW");

    private CodDestination() {
    }

    /** Refuses a destination cash on delivery is not available for, with a 400 naming the field and why. */
    public static void check(String country, String region) {
        String c = country == null ? "CN" : country.strip().toUpperCase(Locale.ROOT);
        if (Set.of("HK", "MO", "TW").contains(c) || excluded(region)) {
            throw ProblemException.invalidField(Set.of("HK", "MO", "TW").contains(c) ? "country" : "region",
                    "cash on delivery is not available for Hong Kong, Macau or Taiwan");
        }
        if (!c.equals("CN") && !c.equals("中国")) {
            throw ProblemException.invalidField("country", "cash on delivery is not available abroad ('" + country
                    + "'): only mainland China");
        }
    }

    private static boolean excluded(String region) {
        if (region == null) {
            return false;
        }
        String r = region.strip().toUpperCase(Locale.ROOT);
        // the two-letter codes only whole: "MO" must not catch a region whose name starts with it
        return EXCLUDED_REGIONS.contains(r)
                || EXCLUDED_REGIONS.stream().filter(x -> !x.matches("[A-Z]{2}")).anyMatch(r::startsWith);
    }
}
