package storeops.order.repository;

/** The terminal groups the order metrics split by: an order's terminal is where it was placed (拍下). */
public enum TerminalSlice {
    ALL, PC, WIRELESS, TAOBAO_APP, TMALL_APP, WAP;

    /** Whether a stored day row of this terminal belongs to the slice ({@code ALL} rows hold the whole day). */
    public boolean covers(String rowTerminal) {
        boolean wholeDay = DayFiguresStore.ALL_TERMINALS.equals(rowTerminal);
        return switch (this) {
            case ALL -> wholeDay;
            case WIRELESS -> !wholeDay && !"PC".equals(rowTerminal);
            default -> name().equals(rowTerminal);
        };
    }
}
