package storeops.traffic.domain;

/** Where a visit happened; PC is one terminal group, the three others form the wireless group. */
public enum Terminal {
    PC(TerminalGroup.PC),
    TAOBAO_APP(TerminalGroup.WIRELESS),
    TMALL_APP(TerminalGroup.WIRELESS),
    WAP(TerminalGroup.WIRELESS);

    private final TerminalGroup group;

    Terminal(TerminalGroup group) {
        this.group = group;
    }

    public TerminalGroup group() {
        return group;
    }
}
