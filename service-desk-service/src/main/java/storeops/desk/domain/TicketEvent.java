package storeops.desk.domain;

import storeops.common.problem.ProblemException;

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

    public static TicketEvent ofCommand(String command) {
        for (TicketEvent e : values()) {
            if (e.command.equals(command) && e != OPEN) {
                return e;
            }
        }
        throw ProblemException.notFound("No ticket command '" + command
                + "', expected assign, start, wait-buyer, resume, resolve, close or reopen");
    }
}
