package io.cxloop.engine.message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Outbox metrics per channel: {@code cxloop.messages.queued}, {@code .sent}, {@code .failed} (given up on) and
 * {@code .suppressed}, and the timer {@code cxloop.messages.dispatch.latency} from queued to accepted by the provider.
 * Counted when the status change commits, so a rolled-back process step counts nothing.
 */
@Component
public class OutboxMetrics {

    private final MeterRegistry registry;

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void queued(String channel) {
        afterCommit(() -> counter("cxloop.messages.queued", channel, "Messages written into the outbox")
                .increment());
    }

    void sent(String channel, Duration sinceQueued) {
        afterCommit(() -> {
            counter("cxloop.messages.sent", channel, "Messages accepted by the provider")
                    .increment();
            Timer.builder("cxloop.messages.dispatch.latency")
                    .description("From queued in the outbox to accepted by the provider")
                    .tag("channel", channel)
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(sinceQueued.isNegative() ? Duration.ZERO : sinceQueued);
        });
    }

    void failed(String channel) {
        afterCommit(() -> counter("cxloop.messages.failed", channel, "Messages given up on (FAILED)")
                .increment());
    }

    void suppressed(String channel) {
        afterCommit(() -> counter("cxloop.messages.suppressed", channel, "Messages the contact policy stopped")
                .increment());
    }

    private Counter counter(String name, String channel, String description) {
        return Counter.builder(name)
                .description(description)
                .tag("channel", channel)
                .register(registry);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
