package storeops.order.repository;

/** The terminal groups the order metrics split by: an order's terminal is where it was placed (拍下). */
public enum TerminalSlice {
    ALL("1 = 1"),
    PC("o.terminal = 'PC'"),
    WIRELESS("o.terminal <> 'PC'"),
    TAOBAO_APP("o.terminal = 'TAOBAO_APP'"),
    TMALL_APP("o.terminal = 'TMALL_APP'"),
    WAP("o.terminal = 'WAP'");

    final String condition;

    TerminalSlice(String condition) {
        this.condition = condition;
    }
}
