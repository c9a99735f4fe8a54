package io.cxloop.engine.survey;

import io.cxloop.engine.journey.JourneyEventType;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Survey links ({@code {baseUrl}/s/{token}}): signed, expiring, answerable once.
 *
 * @param secret HMAC key for the survey tokens; without one a random key is made at start-up, so links sent before a
 *     restart stop working — set it in production
 * @param baseUrl the public address of this engine as customers reach it, e.g. {@code https://cx.shop.example}
 * @param validity how long a survey link can be answered
 * @param afterEvents the journey events after which the customer is invited to rate the touchpoint
 * @param minInterval a customer is invited at most once in this time (follow-ups of cases do not count)
 * @param delays how long after each event the invitation goes, e.g. {@code cxloop.surveys.delays.DELIVERED=P2D}; an
 *     event without an entry is followed at once. Default: two days after {@code DELIVERED} (the customer has tried the
 *     goods); {@code PT0S} invites at once. The invitation waits in the outbox, so a restart does not lose it
 */
@ConfigurationProperties("cxloop.surveys")
public record SurveyProperties(
        String secret,
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("P14D") Duration validity,
        @DefaultValue({"PURCHASE_COMPLETED", "DELIVERED", "SERVICE_CONTACT"}) Set<JourneyEventType> afterEvents,
        @DefaultValue("P30D") Duration minInterval,
        Map<JourneyEventType, Duration> delays) {

    /** Delays that apply unless configured otherwise. */
    public static final Map<JourneyEventType, Duration> DEFAULT_DELAYS =
            Map.of(JourneyEventType.DELIVERED, Duration.ofDays(2));

    public SurveyProperties {
        afterEvents = afterEvents == null ? Set.of() : Set.copyOf(afterEvents);
        Map<JourneyEventType, Duration> merged = new EnumMap<>(JourneyEventType.class);
        merged.putAll(DEFAULT_DELAYS);
        if (delays != null) {
            delays.forEach((event, delay) -> {
                if (delay == null || delay.isNegative()) {
                    throw new IllegalArgumentException(
                            "cxloop.surveys.delays." + event + " must be a duration of zero or more: " + delay);
                }
                merged.put(event, delay);
            });
        }
        delays = Map.copyOf(merged);
    }

    /** How long after the event the invitation goes; zero for at once. */
    public Duration delayAfter(JourneyEventType event) {
        return delays.getOrDefault(event, Duration.ZERO);
    }
}
