package io.cxloop.rules.nba;

/** The kinds of action the next-best-action decision can choose. */
public enum ActionType {
    /** Send the trigger's offer on the chosen channel. */
    RECONNECT_OFFER,
    /** Do not contact the customer. */
    NO_ACTION
}
