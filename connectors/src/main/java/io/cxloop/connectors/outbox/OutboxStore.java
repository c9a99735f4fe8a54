package io.cxloop.connectors.outbox;

import java.time.Instant;
import java.util.List;

/**
 * The outbox table as the dispatcher needs it; implemented by the engine. Several dispatchers (engine nodes) may
 * call {@link #claimDue} at once: a message is handed to at most one of them.
 */
public interface OutboxStore {

    /** Claims up to {@code limit} messages that are due for dispatch, oldest first. */
    List<OutboxMessage> claimDue(int limit);

    /** The provider accepted the message. */
    void markSent(String id, String providerMessageId);

    /** Dispatch failed; the store decides whether to retry later or give up. */
    void markFailed(String id, String error);

    /** Dispatch failed in a way no retry can fix (e.g. an invalid phone number, a 4xx from the gateway). */
    void markRejected(String id, String error);

    /** The contact policy forbids the message now (e.g. consent withdrawn after it was queued); it is not sent. */
    void markSuppressed(String id, String reason);

    /**
     * The contact policy wants the message later (e.g. the customer's quiet hours): it waits in the queue until
     * {@code notBefore}, and this dispatch does not count as an attempt.
     */
    void postpone(String id, Instant notBefore, String reason);
}
