package storeops.desk.domain;

/** The business events of a ticket, named as their command paths are. */
public enum TicketEvent {
    OPEN("open"), ASSIGN("assign"), START("start"), WAIT_BUYER("wait-buyer"), RESUME("resume"), RESOLVE("resolve"),
    CLOSE("close"), REOPEN("reopen");

    private final String command;

    TicketEvent(String command) {
        this.command = command;
    }

    public String command() {
        return command;
    }
}
