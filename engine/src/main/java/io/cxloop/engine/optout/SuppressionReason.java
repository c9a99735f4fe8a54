package io.cxloop.engine.optout;

/** Why an address gets no more messages. */
public enum SuppressionReason {
    /** The customer opted out (one-click unsubscribe): no more marketing to this address. */
    UNSUBSCRIBED,
    /** The address bounced hard or complained: no more messages of any kind to it. */
    BOUNCED
}
