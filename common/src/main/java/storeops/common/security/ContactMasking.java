package storeops.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Buyer phone numbers and addresses are stored as given and shown in full only to the shop's
 * operator: leaking buyer information is a serious violation on the platform.
 */
@RequestScoped
public class ContactMasking {

    private final SecurityIdentity identity;

    public ContactMasking(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean revealsContacts() {
        return identity != null && !identity.isAnonymous() && identity.hasRole(Roles.OPERATOR);
    }

    public String phone(String phone) {
        return revealsContacts() ? phone : maskPhone(phone);
    }

    public String address(String address) {
        return revealsContacts() ? address : maskAddress(address);
    }

    /** 13812345678 -> 138****5678; anything shorter keeps only its last two characters. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        String digits = phone.strip();
        if (digits.length() >= 11) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        int keep = Math.min(2, digits.length());
        return "*".repeat(digits.length() - keep) + digits.substring(digits.length() - keep);
    }

    /**
     * Keeps the region an operator needs for logistics (province, city, district: the text up to
     * the last of 省/市/区/县) and masks the street and number.
     */
    public static String maskAddress(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        int regionEnd = -1;
        for (char marker : new char[] {'省', '市', '区', '县', '旗'}) {
            regionEnd = Math.max(regionEnd, address.indexOf(marker) >= 0 ? lastRegionIndex(address, marker) : -1);
        }
        if (regionEnd < 0) {
            // no recognisable region: nothing of it is safe to show
            return "****";
        }
        return address.substring(0, regionEnd + 1) + "****";
    }

    private static int lastRegionIndex(String address, char marker) {
        // only the leading administrative part: a marker after the first 12 characters is street text
        int index = address.lastIndexOf(marker, Math.min(address.length() - 1, 12));
        return index;
    }
}
