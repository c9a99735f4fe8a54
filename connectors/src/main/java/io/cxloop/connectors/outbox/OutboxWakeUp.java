package io.cxloop.connectors.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells this node's outbox dispatcher that a message is due now, so that it claims at once instead of at its next
 * poll: the store calls {@link #messageDue()} when the transaction that queued a message has committed. Wake-ups that
 * arrive while the dispatcher claims or dispatches are folded into one claim right after the batch. A wake-up is only
 * a hint: one that is lost (the node stops, or it never came because another node queued the message) leaves the
 * message to the poll, as before.
 */
public class OutboxWakeUp {

    private final Semaphore due = new Semaphore(0);

    /** A message is due now. */
    public void messageDue() {
        // at most one wake-up waits; a second one racing past the check only causes one more (empty) claim
        if (due.availablePermits() == 0) {
            due.release();
        }
    }

    /**
     * Waits until a message is due or {@code atMost} has passed, whichever comes first.
     *
     * @return true when woken, false after the full wait
     */
    boolean await(Duration atMost) throws InterruptedException {
        boolean woken = due.tryAcquire(atMost.toNanos(), TimeUnit.NANOSECONDS);
        // the claim that follows takes every message due so far
        due.drainPermits();
        return woken;
    }
}
