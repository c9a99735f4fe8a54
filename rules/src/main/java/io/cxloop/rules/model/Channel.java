package io.cxloop.rules.model;

/** How a message reaches a customer. */
public enum Channel {
    EMAIL,
    SMS,
    CALL_QUEUE
}
