package io.cxloop.connectors.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The engine's outbox table, reduced to what the dispatcher sees. With {@code maxAttempts > 1} a failed message is
 * due again at once (the engine waits with backoff), until its attempts are used up.
 */
public class InMemoryOutboxStore implements OutboxStore {

    private final int maxAttempts;
    private final Queue<OutboxMessage> due = new ConcurrentLinkedQueue<>();
    private final Map<String, OutboxMessage> claimed = new ConcurrentHashMap<>();
    private final Map<String, String> sent = new ConcurrentHashMap<>();
    private final Map<String, String> failed = new ConcurrentHashMap<>();
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private final Map<String, String> suppressed = new ConcurrentHashMap<>();
    private final Map<String, java.time.Instant> postponed = new ConcurrentHashMap<>();
    private final Map<String, List<String>> attemptErrors = new ConcurrentHashMap<>();

    /** A store that gives up after the first failed attempt. */
    public InMemoryOutboxStore() {
        this(1);
    }

    public InMemoryOutboxStore(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public OutboxMessage enqueue(OutboxMessage message) {
        due.add(message);
        return message;
    }

    @Override
    public List<OutboxMessage> claimDue(int limit) {
        List<OutboxMessage> batch = new ArrayList<>();
        OutboxMessage next;
        while (batch.size() < limit && (next = due.poll()) != null) {
            OutboxMessage attempt = withAttempts(next, next.attempts() + 1);
            claimed.put(attempt.id(), attempt);
            batch.add(attempt);
        }
        return batch;
    }

    @Override
    public void markSent(String id, String providerMessageId) {
        claimed.remove(id);
        sent.put(id, providerMessageId);
    }

    @Override
    public void markFailed(String id, String error) {
        attemptErrors
                .computeIfAbsent(id, key -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(error);
        OutboxMessage message = claimed.remove(id);
        if (message != null && message.attempts() < maxAttempts) {
            due.add(message);
        } else {
            failed.put(id, error);
        }
    }

    @Override
    public void markRejected(String id, String error) {
        claimed.remove(id);
        rejected.add(id);
        failed.put(id, error);
    }

    @Override
    public void markSuppressed(String id, String reason) {
        claimed.remove(id);
        suppressed.put(id, reason);
    }

    @Override
    public void postpone(String id, java.time.Instant notBefore, String reason) {
        claimed.remove(id);
        postponed.put(id, notBefore);
    }

    /** Outbox id to the time it waits for. */
    public Map<String, java.time.Instant> postponed() {
        return postponed;
    }

    /** Outbox id to provider message id. */
    public Map<String, String> sent() {
        return sent;
    }

    /** Outbox id to error, of messages given up on (after the last attempt or rejected at once). */
    public Map<String, String> failed() {
        return failed;
    }

    /** Outbox ids given up on without retry. */
    public Set<String> rejected() {
        return rejected;
    }

    /** The errors of the failed attempts of a message, oldest first. */
    public List<String> attemptErrors(String id) {
        return attemptErrors.getOrDefault(id, List.of());
    }

    /** Outbox id to the reason the contact policy gave. */
    public Map<String, String> suppressed() {
        return suppressed;
    }

    private static OutboxMessage withAttempts(OutboxMessage m, int attempts) {
        return m.withAttempt(attempts, m.resumed());
    }
}
