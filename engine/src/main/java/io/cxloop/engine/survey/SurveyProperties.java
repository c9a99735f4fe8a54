package io.cxloop.engine.survey;

import io.cxloop.engine.journey.JourneyEventType;
import java.net.URI;
import java.time.Duration;
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
 */
@ConfigurationProperties("cxloop.surveys")
public record SurveyProperties(
        String secret,
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("P14D") Duration validity,
        @DefaultValue({"PURCHASE_COMPLETED", "DELIVERED", "SERVICE_CONTACT"}) Set<JourneyEventType> afterEvents,
        @DefaultValue("P30D") Duration minInterval) {

    public SurveyProperties {
        afterEvents = afterEvents == null ? Set.of() : Set.copyOf(afterEvents);
    }
}
