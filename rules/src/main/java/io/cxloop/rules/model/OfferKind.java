package io.cxloop.rules.model;

/** What an offer of the catalogue gives the customer. */
public enum OfferKind {
    /** A discount in percent. */
    DISCOUNT,
    /** Free (express) shipping. */
    FREE_SHIPPING,
    /** Content: a guide, an inspiration, news; no incentive. */
    CONTENT,
    /** An invitation to review a product or the shop. */
    REVIEW_INVITE,
    /** An invitation to answer a survey. */
    SURVEY
}
