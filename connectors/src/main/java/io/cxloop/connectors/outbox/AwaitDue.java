package io.cxloop.connectors.outbox;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Service;
import org.apache.camel.spi.ShutdownPrepared;

/**
 * The dispatcher's pause before a claim: until a message is due ({@link OutboxWakeUp}) or the poll interval has
 * passed. When the route or Camel stops, the pause ends at once and no claim follows (Camel waits for the exchange in
 * flight, and would otherwise wait for up to a poll interval).
 */
final class AwaitDue implements Processor, Service, ShutdownPrepared {

    /** Exchange property: the route is stopping, do not claim. */
    static final String STOPPING = "CxloopOutboxStopping";

    private final OutboxWakeUp wakeUp;
    private final Duration pollInterval;
    private volatile boolean stopping;

    AwaitDue(OutboxWakeUp wakeUp, Duration pollInterval) {
        this.wakeUp = wakeUp;
        this.pollInterval = pollInterval;
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        if (!stopping) {
            wakeUp.await(pollInterval);
        }
        if (stopping) {
            exchange.setProperty(STOPPING, true);
        }
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        stopping = true;
        // ends the pause; a claim that was due anyway happens on the next start or another node
        wakeUp.messageDue();
    }

    @Override
    public void start() {
        stopping = false;
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
