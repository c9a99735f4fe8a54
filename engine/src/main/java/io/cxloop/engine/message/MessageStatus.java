package io.cxloop.engine.message;

/**
 * Where an outbox message stands. Status only moves forward: {@code QUEUED → SENDING → SENT}, back to {@code QUEUED}
 * only for a retry after a failed attempt, and from {@code FAILED} to {@code QUEUED} only when an operator retries it.
 * {@code SENT}, {@code FAILED} and {@code SUPPRESSED} are final for the dispatcher.
 */
public enum MessageStatus {
    /** Waiting for dispatch (first attempt or a retry). */
    QUEUED,
    /** Claimed by a dispatcher. */
    SENDING,
    /** Accepted by the provider (SMTP server, gateway, broker). */
    SENT,
    /** Gave up after the last retry, or rejected at once; an operator can see and retry it. */
    FAILED,
    /** Not sent: the contact policy no longer allowed it when it was due (e.g. consent withdrawn). */
    SUPPRESSED
}
