package io.cxloop.rules.triage;

/** The reaction a customer gets to their feedback. */
public enum TriageAction {
    /** A team member calls the customer back (a case with an SLA). */
    CALL_BACK,
    /** The customer gets an apology e-mail (a case with an SLA). */
    APOLOGY_EMAIL,
    /** A promoter is invited to write a review or recommend us. */
    REVIEW_INVITE,
    /** The customer is thanked for the feedback. */
    THANK_YOU,
    /** The feedback is only recorded. */
    NONE
}
