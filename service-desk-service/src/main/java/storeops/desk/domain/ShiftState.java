package storeops.desk.domain;

import storeops.common.problem.IllegalTransitionException;

/** Where an agent's shift stands; each event is allowed only in some states. */
public enum ShiftState {
    OFF, WORKING, ON_BREAK;

    /** The state an event leaves behind, whatever came before it. */
    public static ShiftState after(ShiftEvent event) {
        return switch (event) {
            case SIGN_IN, BREAK_END -> WORKING;
            case BREAK_START -> ON_BREAK;
            case SIGN_OUT -> OFF;
        };
    }

    public ShiftState on(ShiftEvent event) {
        ShiftState next = switch (event) {
            case SIGN_IN -> this == OFF ? WORKING : null;
            case BREAK_START -> this == WORKING ? ON_BREAK : null;
            case BREAK_END -> this == ON_BREAK ? WORKING : null;
            // signing out during a break ends the break too
            case SIGN_OUT -> this == OFF ? null : OFF;
        };
        if (next == null) {
            throw new IllegalTransitionException("Agent shift", this, event.name());
        }
        return next;
    }
}
