package io.cxloop.engine.message;

/**
 * Where an outbox message stands. Status only moves forward: {@code QUEUED → SENDING → SENT → DELIVERED | FAILED},
 * back to {@code QUEUED} only for a retry after a failed attempt, and from {@code FAILED} to {@code QUEUED} only when
 * an operator retries it. {@code SENT}, {@code FAILED} and {@code SUPPRESSED} are final for the dispatcher; a delivery
 * receipt (or a bounce) may still move {@code SENT} on to {@code DELIVERED} or {@code FAILED}, never back.
 */
public enum MessageStatus {
    /** Waiting for dispatch (first attempt or a retry). */
    QUEUED,
    /** Claimed by a dispatcher. */
    SENDING,
    /** Accepted by the provider (SMTP server, gateway, broker). */
    SENT,
    /** The provider reported it delivered to the handset (SMS delivery receipt). */
    DELIVERED,
    /**
     * Gave up after the last retry, rejected at once, reported undeliverable by the provider or bounced; an operator
     * can see and retry it.
     */
    FAILED,
    /** Not sent: the contact policy no longer allowed it when it was due (e.g. consent withdrawn). */
    SUPPRESSED
}
