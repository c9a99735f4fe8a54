package io.cxloop.engine.trigger;

import io.cxloop.connectors.template.MessageTemplates;
import io.cxloop.engine.journey.JourneyEventType;
import io.cxloop.engine.offer.OfferRepository;
import io.cxloop.engine.web.ConflictException;
import io.cxloop.engine.web.InvalidFieldException;
import io.cxloop.engine.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Marketers' reconnect triggers: validated, versioned, effective for the next event without a restart. */
@Service
public class TriggerService {

    private final TriggerRepository triggers;
    private final MessageTemplates templates;
    private final OfferRepository offers;
    private final Clock clock;

    public TriggerService(TriggerRepository triggers, MessageTemplates templates, OfferRepository offers, Clock clock) {
        this.offers = offers;
        this.triggers = triggers;
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ReconnectTrigger> list() {
        return triggers.findAllCurrent();
    }

    @Transactional(readOnly = true)
    public ReconnectTrigger get(String key) {
        return triggers.findCurrent(key).orElseThrow(() -> notFound(key));
    }

    @Transactional(readOnly = true)
    public List<ReconnectTrigger> history(String key) {
        List<ReconnectTrigger> history = triggers.history(key);
        if (history.isEmpty()) {
            throw notFound(key);
        }
        return history;
    }

    /** Active triggers whose event and condition match, each in its current version. */
    @Transactional(readOnly = true)
    public List<ReconnectTrigger> matching(JourneyEventType type, BigDecimal cartValue) {
        return triggers.findAllCurrent().stream()
                .filter(trigger -> trigger.matches(type, cartValue))
                .toList();
    }

    @Transactional
    public ReconnectTrigger create(TriggerRequest request, String user) {
        validate(request);
        if (triggers.findCurrent(request.key()).isPresent()) {
            throw new ConflictException("trigger " + request.key() + " exists; change it with PUT");
        }
        ReconnectTrigger trigger =
                ReconnectTrigger.of(request, triggers.maxVersion(request.key()) + 1, clock.instant(), user);
        triggers.insertFirst(trigger);
        return trigger;
    }

    @Transactional
    public ReconnectTrigger update(String key, TriggerRequest request, String user) {
        if (!key.equals(request.key())) {
            throw new InvalidFieldException("key", "must match the trigger in the path (" + key + ")");
        }
        validate(request);
        ReconnectTrigger current = get(key);
        ReconnectTrigger next = ReconnectTrigger.of(request, triggers.maxVersion(key) + 1, clock.instant(), user);
        if (!triggers.insertNext(next, current.version())) {
            throw new ConflictException("trigger " + key + " was changed concurrently; reload and retry");
        }
        return next;
    }

    @Transactional
    public void delete(String key) {
        if (!triggers.markDeleted(key, clock.instant())) {
            throw notFound(key);
        }
    }

    /** Creates the built-in trigger on first start; a marketer's later change or deletion is left alone. */
    @Transactional
    public void installIfNeverCreated(TriggerRequest request) {
        if (!triggers.everExisted(request.key())) {
            validate(request);
            triggers.insertFirst(ReconnectTrigger.of(request, 1, clock.instant(), "system"));
        }
    }

    private void validate(TriggerRequest request) {
        requirePositive("delay", request.delay());
        if (request.offer() == null
                && (request.offers() == null || request.offers().isEmpty())) {
            throw new InvalidFieldException("offer", "a trigger needs its own offer, catalogue offers, or both");
        }
        if (request.offer() != null) {
            requirePositive("offer.validity", request.offer().validity());
        }
        List<String> offerIds = request.offers() == null ? List.of() : request.offers();
        for (int i = 0; i < offerIds.size(); i++) {
            if (offers.find(offerIds.get(i)).isEmpty()) {
                throw new InvalidFieldException(
                        "offers[" + i + "]", "no offer " + offerIds.get(i) + " in the catalogue");
            }
        }
        if (new HashSet<>(offerIds).size() != offerIds.size()) {
            throw new InvalidFieldException("offers", "must not repeat an offer");
        }
        if (request.reEntry().isNegative()) {
            throw new InvalidFieldException("reEntry", "must not be negative");
        }
        if (request.eventType() == request.goalEventType()) {
            throw new InvalidFieldException("goalEventType", "must differ from eventType");
        }
        if (new HashSet<>(request.channels()).size() != request.channels().size()) {
            throw new InvalidFieldException("channels", "must not repeat a channel");
        }
        if (!templates.exists(request.template())) {
            throw new InvalidFieldException("template", "no message template named " + request.template());
        }
    }

    private static void requirePositive(String field, Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            throw new InvalidFieldException(field, "must be a positive ISO-8601 duration such as PT24H");
        }
    }

    private static NotFoundException notFound(String key) {
        return new NotFoundException("no trigger " + key);
    }
}
