package storeops.desk.domain;

/** What an agent's shift records: signing in and out, and breaks in between. */
public enum ShiftEvent {
    SIGN_IN, BREAK_START, BREAK_END, SIGN_OUT
}
