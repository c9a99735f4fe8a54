package io.cxloop.connectors.outbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An outbox whose dispatcher "dies" right after a chosen message went to its provider: the report of that send is
 * lost, and the message stays claimed — as when the engine is killed between the SMTP {@code 250} and the commit.
 * {@link #restartAfterClaimTimeout()} then does what the engine's claim does for a message claimed longer than the
 * claim timeout ago: it hands it out again, marked resumed.
 */
public class CrashingOutboxStore implements OutboxStore {

    private final InMemoryOutboxStore outbox;
    private final Set<String> crashAfterSending = ConcurrentHashMap.newKeySet();
    private final Map<String, OutboxMessage> claimed = new ConcurrentHashMap<>();
    private final Map<String, OutboxMessage> abandoned = new ConcurrentHashMap<>();

    public CrashingOutboxStore(InMemoryOutboxStore outbox) {
        this.outbox = outbox;
    }

    /** The dispatcher will die after handing this message to its provider. */
    public OutboxMessage enqueueAndCrashAfterSending(OutboxMessage message) {
        crashAfterSending.add(message.id());
        return outbox.enqueue(message);
    }

    public OutboxMessage enqueue(OutboxMessage message) {
        return outbox.enqueue(message);
    }

    /** Messages whose send was never reported back. */
    public Set<String> abandoned() {
        return abandoned.keySet();
    }

    /** The claim timeout has passed: abandoned messages are due again, resumed. */
    public void restartAfterClaimTimeout() {
        abandoned.values().forEach(message -> outbox.enqueue(message.withAttempt(message.attempts(), true)));
        abandoned.clear();
    }

    public InMemoryOutboxStore outbox() {
        return outbox;
    }

    @Override
    public List<OutboxMessage> claimDue(int limit) {
        List<OutboxMessage> batch = outbox.claimDue(limit);
        batch.forEach(message -> claimed.put(message.id(), message));
        return batch;
    }

    @Override
    public void markSent(String id, String providerMessageId) {
        if (crashAfterSending.remove(id)) {
            abandoned.put(id, claimed.get(id));
            return; // the process is gone: nothing after the send is recorded
        }
        outbox.markSent(id, providerMessageId);
    }

    @Override
    public void markFailed(String id, String error) {
        outbox.markFailed(id, error);
    }

    @Override
    public void markRejected(String id, String error) {
        outbox.markRejected(id, error);
    }

    @Override
    public void markSuppressed(String id, String reason) {
        outbox.markSuppressed(id, reason);
    }

    @Override
    public void postpone(String id, java.time.Instant notBefore, String reason) {
        outbox.postpone(id, notBefore, reason);
    }
}
