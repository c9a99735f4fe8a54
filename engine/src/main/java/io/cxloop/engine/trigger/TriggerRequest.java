package io.cxloop.engine.trigger;

import io.cxloop.engine.journey.JourneyEventType;
import io.cxloop.rules.model.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * A marketer's reconnect trigger as sent to {@code POST/PUT /api/triggers}: when {@code eventType} happens (and the
 * condition holds) and {@code goalEventType} does not follow within {@code delay}, reconnect with the best of its
 * offers on the first allowed of {@code channels}. A {@code controlShare} (0 to 0.5, default 0) of the customers is
 * held out as a control group: they get no message, and their outcome is recorded for the uplift report.
 *
 * @param offer the trigger's own offer; may be left out when {@code offers} names catalogue offers
 * @param offers ids of catalogue offers ({@code /api/offers}) the decision arbitrates between, with the trigger's own
 *     offer if it has one
 */
public record TriggerRequest(
        @NotBlank
                @Pattern(
                        regexp = "[a-z0-9][a-z0-9-]{0,63}",
                        message = "must be lower-case letters, digits and dashes (at most 64)")
                String key,
        @NotNull JourneyEventType eventType,
        @Valid TriggerCondition condition,
        @NotNull Duration delay,
        @NotNull JourneyEventType goalEventType,
        @Valid OfferTerms offer,
        List<@NotBlank String> offers,
        @NotEmpty List<@NotNull Channel> channels,
        @NotBlank @Size(max = 64) String template,
        @NotNull Duration reEntry,
        Boolean active,
        @DecimalMin("0") @DecimalMax("0.5") BigDecimal controlShare) {

    /** A trigger with its own offer only and without a control group. */
    public TriggerRequest(
            String key,
            JourneyEventType eventType,
            TriggerCondition condition,
            Duration delay,
            JourneyEventType goalEventType,
            OfferTerms offer,
            List<Channel> channels,
            String template,
            Duration reEntry,
            Boolean active) {
        this(key, eventType, condition, delay, goalEventType, offer, null, channels, template, reEntry, active, null);
    }
}
