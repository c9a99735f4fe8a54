package io.cxloop.rules.nba;

/**
 * The kinds of action a recorded decision took: the next-best-action decision chooses {@link #RECONNECT_OFFER} or
 * {@link #NO_ACTION}; the invitation decisions ({@code survey-invitation}, {@code review-invitation}) are recorded with
 * theirs.
 */
public enum ActionType {
    /** Send the trigger's offer on the chosen channel. */
    RECONNECT_OFFER,
    /** Ask the customer to rate a touchpoint (rule set {@code survey-invitation}). */
    SURVEY_INVITATION,
    /** Invite a promoter to write a review (rule set {@code review-invitation}). */
    REVIEW_INVITATION,
    /** Do not contact the customer. */
    NO_ACTION
}
