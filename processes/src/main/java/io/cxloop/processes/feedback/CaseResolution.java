package io.cxloop.processes.feedback;

/** How a feedback case was closed. */
public enum CaseResolution {
    /** The follow-up survey confirmed an improvement: the loop is closed. */
    LOOP_CLOSED,
    /** The follow-up after the reopened case still showed no improvement. */
    NOT_IMPROVED,
    /** The customer did not answer the follow-up survey in time. */
    UNCONFIRMED
}
