package io.cxloop.rules.invitation;

import io.cxloop.rules.model.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A decisive moment of the journey after which the customer may be asked to rate a touchpoint.
 *
 * @param eventType the journey event, e.g. {@code DELIVERED}, {@code PURCHASE_COMPLETED}, {@code SERVICE_CONTACT}
 * @param touchpoint where it happened, the touchpoint the survey asks about (e.g. {@code CALL_CENTER} for a service
 *     call)
 * @param lastInvitedAt when the customer was last invited to a survey after an event (follow-ups of cases do not
 *     count); null for never
 * @param minInterval a customer is invited at most once within this time
 */
public record SurveyOccasion(
        String eventId, String eventType, Touchpoint touchpoint, Instant lastInvitedAt, Duration minInterval) {

    public SurveyOccasion {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(touchpoint, "touchpoint");
        minInterval = minInterval == null ? Duration.ZERO : minInterval;
    }
}
