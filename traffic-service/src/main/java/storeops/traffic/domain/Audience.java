package storeops.traffic.domain;

/**
 * The visitors of a (day, terminal group) kept as a set of visitor keys, so that a distinct count
 * over several days is the size of a union. Every set only grows as events arrive.
 */
public enum Audience {
    /** At least one page view. */
    VIEWERS("V"),
    /** At least two page views in the group that day (an effective entry, with the actions). */
    MULTI_VIEWERS("M"),
    WAP("W"),
    TAOBAO_APP("T"),
    TMALL_APP("A"),
    HOME("H"),
    DETAIL("D"),
    SHOP_FAVORITE("S"),
    PRODUCT_FAVORITE("F"),
    /** A favorite or an add to cart. */
    ACTION("X");

    private final String code;

    Audience(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Audience ofCode(String code) {
        for (Audience a : values()) {
            if (a.code.equals(code)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown audience " + code);
    }
}
