package storeops.traffic.domain;

/**
 * PC or wireless: visitors are de-duplicated within a group (WAP and the apps count a person once)
 * and the all-terminal figures add the two groups directly (rules.md, counting rules).
 */
public enum TerminalGroup {
    PC("P"),
    WIRELESS("W");

    private final String code;

    TerminalGroup(String code) {
        this.code = code;
    }

    /** The one-letter code stored in the rollup tables. */
    public String code() {
        return code;
    }
}
