package io.cxloop.rules.model;

/** A place where the customer meets the company and may leave feedback. */
public enum Touchpoint {
    WEB_SHOP,
    LANDING_PAGE,
    APP,
    STORE,
    CALL_CENTER,
    EMAIL,
    SMS,
    SOCIAL_MEDIA,
    DELIVERY
}
