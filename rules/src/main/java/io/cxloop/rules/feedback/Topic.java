package io.cxloop.rules.feedback;

/** What a feedback comment is about; one comment may touch several topics. */
public enum Topic {
    DELIVERY,
    PRICE,
    PRODUCT_QUALITY,
    STAFF,
    WAITING_TIME,
    WEBSITE_APP,
    BILLING,
    RETURNS
}
