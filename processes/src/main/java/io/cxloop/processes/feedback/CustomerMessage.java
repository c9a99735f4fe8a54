package io.cxloop.processes.feedback;

/** The messages {@code feedback-closed-loop} sends to the customer who gave feedback. */
public enum CustomerMessage {
    /** A detractor's apology (triage action {@code APOLOGY_EMAIL}). */
    APOLOGY,
    /** A promoter is invited to write a review or recommend us. */
    REVIEW_INVITATION,
    /** A passive is thanked for the feedback. */
    THANK_YOU
}
