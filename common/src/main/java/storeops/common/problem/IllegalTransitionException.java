package storeops.common.problem;

/** An event that the current state of an aggregate does not allow: always a 409. */
public class IllegalTransitionException extends ProblemException {

    private final String currentState;
    private final String event;

    public IllegalTransitionException(String aggregate, Object currentState, String event) {
        super(409, "Illegal state transition",
                aggregate + " in state " + currentState + " does not allow '" + event + "'");
        this.currentState = String.valueOf(currentState);
        this.event = event;
    }

    public String currentState() {
        return currentState;
    }

    public String event() {
        return event;
    }
}
