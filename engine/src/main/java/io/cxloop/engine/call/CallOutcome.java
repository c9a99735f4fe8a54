package io.cxloop.engine.call;

/** What came of a call-back. */
public enum CallOutcome {
    /** The agent spoke with the customer: the call-back is delivered. */
    REACHED,
    /** Nobody answered; the call center may try again. */
    NOT_REACHED,
    /** The customer asked to be called another time. */
    CALL_BACK_LATER,
    /** The customer did not want to talk. */
    DECLINED,
    /** The number is wrong or disconnected: the call-back failed for good. */
    WRONG_NUMBER
}
