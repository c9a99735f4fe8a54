package io.cxloop.connectors.outbox;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Outbox dispatcher settings.
 *
 * @param pollInterval pause between two claims; a plain number means milliseconds
 * @param batchSize how many messages one claim takes at most
 * @param dispatchEnabled false keeps the dispatcher route stopped (it can still be started through Camel's management)
 * @param dispatchThreads how many messages of a claimed batch are handed to their connectors at the same time: a
 *     connector waits on its server (an SMTP dialogue takes tens of milliseconds), so one at a time caps a node at
 *     that latency's inverse (docs/benchmarks.md)
 */
@ConfigurationProperties("cxloop.outbox")
public record OutboxProperties(
        @DefaultValue("1000") @DurationUnit(ChronoUnit.MILLIS) Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("true") boolean dispatchEnabled,
        @DefaultValue("4") int dispatchThreads) {

    public OutboxProperties {
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("cxloop.outbox.poll-interval must be positive: " + pollInterval);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("cxloop.outbox.batch-size must be at least 1: " + batchSize);
        }
        if (dispatchThreads < 1) {
            throw new IllegalArgumentException("cxloop.outbox.dispatch-threads must be at least 1: " + dispatchThreads);
        }
    }
}
