package io.cxloop.engine.journey;

/** Things that happen on a customer's journey and that other systems report to cxloop. */
public enum JourneyEventType {
    PRODUCT_VIEWED,
    CART_ABANDONED,
    CHECKOUT_STARTED,
    PURCHASE_COMPLETED,
    DELIVERED,
    SERVICE_CONTACT,
    REVIEW_POSTED
}
