package storeops.traffic.domain;

/** Source channels of a visit; an event without a source counts as OTHER (rules.md). */
public enum Source {
    ORGANIC_SEARCH, ZHITONGCHE, TAOBAOKE, ZUANZHAN, JUHUASUAN, DIRECT, OTHER;

    /** The bit of this channel in a visitor-day's {@code sources} mask. */
    public int bit() {
        return 1 << ordinal();
    }
}
