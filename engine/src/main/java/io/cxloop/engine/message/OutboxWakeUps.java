package io.cxloop.engine.message;

import io.cxloop.connectors.outbox.OutboxWakeUp;
import io.cxloop.engine.message.OutboxRepository.MessageQueued;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Wakes this node's outbox dispatcher when a transaction that queued a message due now has committed, so that the
 * message leaves at once instead of at the next poll (a campaign's offer reached SMTP up to a poll interval later). The
 * message is in the table before the wake-up: one that is lost (a rollback sends none; the node stops) leaves the
 * message to the poll of any node, as before.
 */
@Component
class OutboxWakeUps {

    private final OutboxWakeUp wakeUp;

    OutboxWakeUps(OutboxWakeUp wakeUp) {
        this.wakeUp = wakeUp;
    }

    /** After the commit; outside a transaction (the insert committed by itself) at once. */
    @TransactionalEventListener(fallbackExecution = true)
    void messageQueued(MessageQueued queued) {
        wakeUp.messageDue();
    }
}
