package io.cxloop.engine.message;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox retries.
 *
 * @param maxAttempts attempts before a message is {@code FAILED}
 * @param initialBackoff wait after the first failed attempt; doubles with every further one
 * @param maxBackoff the longest wait between attempts
 * @param claimTimeout a message claimed longer ago than this (its dispatcher died) is dispatched again
 */
@ConfigurationProperties("cxloop.outbox.retry")
public record OutboxRetryProperties(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT10S") Duration initialBackoff,
        @DefaultValue("PT1H") Duration maxBackoff,
        @DefaultValue("PT5M") Duration claimTimeout) {

    Duration backoffAfter(int attempts) {
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
