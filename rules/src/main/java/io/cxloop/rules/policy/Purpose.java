package io.cxloop.rules.policy;

/**
 * Why a message goes to the customer, as the contact policy sees it. Consent, addresses and quiet hours apply to both;
 * the marketing caps and the complaint-case stop apply to marketing only.
 */
public enum Purpose {
    /**
     * Advertising in the wide sense: every next-best action, an invitation to write a review, and a survey link by
     * e-mail or SMS (German courts treat a feedback request as advertising: BGH, VI ZR 225/17).
     */
    MARKETING,
    /**
     * Part of a service the customer asked for, e.g. the survey the call center offers at the end of the customer's own
     * call; it does not count against the marketing caps.
     */
    SERVICE
}
