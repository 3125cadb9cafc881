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
    ACTION("X"),
    /** At least one page view from the channel: traffic/channels is a union of these. */
    ORGANIC_SEARCH_VIEWERS("0", Source.ORGANIC_SEARCH),
    ZHITONGCHE_VIEWERS("1", Source.ZHITONGCHE),
    TAOBAOKE_VIEWERS("2", Source.TAOBAOKE),
    ZUANZHAN_VIEWERS("3", Source.ZUANZHAN),
    JUHUASUAN_VIEWERS("4", Source.JUHUASUAN),
    DIRECT_VIEWERS("5", Source.DIRECT),
    OTHER_VIEWERS("6", Source.OTHER);

    private static final Audience[] BY_SOURCE = new Audience[Source.values().length];

    static {
        for (Audience a : values()) {
            if (a.source != null) {
                BY_SOURCE[a.source.ordinal()] = a;
            }
        }
    }

    private final String code;
    private final Source source;

    Audience(String code) {
        this(code, null);
    }

    Audience(String code, Source source) {
        this.code = code;
        this.source = source;
    }

    /** The viewers of a source channel. */
    public static Audience viewersFrom(Source source) {
        return BY_SOURCE[source.ordinal()];
    }

    /** The channel of a per-channel audience, else null. */
    public Source source() {
        return source;
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
