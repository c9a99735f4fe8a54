package io.cxloop.engine.trigger;

import io.cxloop.engine.journey.JourneyEventType;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.ReconnectContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One immutable version of a reconnect trigger. Running campaigns keep the version they started with.
 *
 * @param offers ids of the catalogue offers the decision arbitrates between, besides the trigger's own {@code offer}
 * @param controlShare the share of customers held out as a control group (0 to 0.5): no message, outcome recorded
 */
public record ReconnectTrigger(
        String key,
        int version,
        JourneyEventType eventType,
        TriggerCondition condition,
        Duration delay,
        JourneyEventType goalEventType,
        OfferTerms offer,
        List<String> offers,
        List<Channel> channels,
        String template,
        Duration reEntry,
        boolean active,
        Instant createdAt,
        String createdBy,
        BigDecimal controlShare) {

    /** Versions stored before control groups (or catalogue offers) existed have none. */
    public ReconnectTrigger {
        controlShare = controlShare == null ? BigDecimal.ZERO : controlShare;
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    public boolean matches(JourneyEventType type, BigDecimal cartValue) {
        return active && eventType == type && (condition == null || condition.matches(cartValue));
    }

    public ReconnectContext toReconnectContext() {
        return new ReconnectContext(key, channels, reEntry, offer == null ? null : offer.toOffer());
    }

    static ReconnectTrigger of(TriggerRequest request, int version, Instant createdAt, String createdBy) {
        return new ReconnectTrigger(
                request.key(),
                version,
                request.eventType(),
                request.condition(),
                request.delay(),
                request.goalEventType(),
                request.offer(),
                request.offers(),
                List.copyOf(request.channels()),
                request.template(),
                request.reEntry(),
                request.active() == null || request.active(),
                createdAt,
                createdBy,
                request.controlShare());
    }
}
