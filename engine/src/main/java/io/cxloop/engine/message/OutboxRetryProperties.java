package io.cxloop.engine.message;

import io.cxloop.rules.model.Channel;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox retries: exponential backoff, by default the same for every channel; {@code channels} overrides it
 * per channel, e.g. {@code cxloop.outbox.retry.channels.SMS.initial-backoff=PT1M}.
 *
 * @param maxAttempts attempts before a message is {@code FAILED}
 * @param initialBackoff wait after the first failed attempt; doubles with every further one
 * @param maxBackoff the longest wait between attempts
 * @param claimTimeout a message claimed longer ago than this (its dispatcher died) is dispatched again
 * @param channels what differs for a channel; unset values fall back to the ones above
 */
@ConfigurationProperties("cxloop.outbox.retry")
public record OutboxRetryProperties(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT10S") Duration initialBackoff,
        @DefaultValue("PT1H") Duration maxBackoff,
        @DefaultValue("PT5M") Duration claimTimeout,
        Map<Channel, ChannelRetry> channels) {

    /** A channel's own retry settings; {@code null} means "as for every channel". */
    public record ChannelRetry(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff) {}

    public OutboxRetryProperties {
        channels = channels == null ? Map.of() : Map.copyOf(channels);
        requirePositive("max-attempts", maxAttempts);
        channels.forEach((channel, retry) -> {
            if (retry.maxAttempts() != null) {
                requirePositive("channels." + channel + ".max-attempts", retry.maxAttempts());
            }
        });
    }

    int maxAttempts(Channel channel) {
        ChannelRetry own = channels.get(channel);
        return own == null || own.maxAttempts() == null ? maxAttempts : own.maxAttempts();
    }

    Duration backoffAfter(Channel channel, int attempts) {
        ChannelRetry own = channels.get(channel);
        Duration initial = own == null || own.initialBackoff() == null ? initialBackoff : own.initialBackoff();
        Duration max = own == null || own.maxBackoff() == null ? maxBackoff : own.maxBackoff();
        Duration backoff = initial.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return backoff.compareTo(max) > 0 ? max : backoff;
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("cxloop.outbox.retry." + name + " must be at least 1: " + value);
        }
    }
}
