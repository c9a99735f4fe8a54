package io.cxloop.engine.offer;

import io.cxloop.connectors.template.MessageTemplates;
import io.cxloop.engine.web.ConflictException;
import io.cxloop.engine.web.InvalidFieldException;
import io.cxloop.engine.web.NotFoundException;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.OfferKind;
import io.cxloop.rules.model.ValueSegment;
import io.cxloop.rules.nba.CandidateOffer;
import io.cxloop.rules.nba.ReconnectContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offer catalogue: analysts and marketers keep it; the next-best-action decision gets from it the candidates to
 * arbitrate between, each with its usage (issues in total and to the customer) and its learned propensities.
 */
@Service
public class OfferCatalogue {

    private static final Logger log = LoggerFactory.getLogger(OfferCatalogue.class);

    private final OfferRepository offers;
    private final OfferOutcomes outcomes;
    private final OfferLeverRepository levers;
    private final MessageTemplates templates;
    private final Clock clock;

    public OfferCatalogue(
            OfferRepository offers,
            OfferOutcomes outcomes,
            OfferLeverRepository levers,
            MessageTemplates templates,
            Clock clock) {
        this.offers = offers;
        this.outcomes = outcomes;
        this.levers = levers;
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public OfferLevers levers() {
        return levers.findAll();
    }

    /** Replaces the analysts' levers; the next decisions use them. */
    @Transactional
    public OfferLevers setLevers(OfferLevers.Request request, String user) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.levers().size(); i++) {
            OfferLever lever = request.levers().get(i);
            if (!Double.isFinite(lever.lever())) {
                throw new InvalidFieldException("levers[" + i + "].lever", "must be a number from 0 to 100");
            }
            if (lever.trigger() != null && !levers.triggerExists(lever.trigger())) {
                throw new InvalidFieldException("levers[" + i + "].trigger", "no trigger " + lever.trigger());
            }
            if (!seen.add(lever.kind() + "/" + lever.trigger())) {
                throw new InvalidFieldException(
                        "levers[" + i + "]",
                        "repeats the lever for " + lever.kind()
                                + (lever.trigger() == null ? " in every trigger" : " in trigger " + lever.trigger()));
            }
        }
        levers.replaceAll(request.levers(), clock.instant(), user);
        return levers.findAll();
    }

    @Transactional(readOnly = true)
    public List<CatalogueOffer> list() {
        return offers.findAll();
    }

    @Transactional(readOnly = true)
    public CatalogueOffer get(String offerId) {
        return offers.find(offerId).orElseThrow(() -> new NotFoundException("no offer " + offerId));
    }

    /** The offer if it is in the catalogue (not deleted). */
    @Transactional(readOnly = true)
    public Optional<CatalogueOffer> find(String offerId) {
        return offers.find(offerId);
    }

    @Transactional
    public CatalogueOffer create(OfferRequest request, String user) {
        validate(request);
        if (offers.find(request.offerId()).isPresent()) {
            throw new ConflictException("offer " + request.offerId() + " exists; change it with PUT");
        }
        CatalogueOffer offer = CatalogueOffer.of(request, clock.instant(), user);
        offers.insert(offer);
        return offer;
    }

    @Transactional
    public CatalogueOffer update(String offerId, OfferRequest request, String user) {
        if (!offerId.equals(request.offerId())) {
            throw new InvalidFieldException("offerId", "must match the offer in the path (" + offerId + ")");
        }
        validate(request);
        CatalogueOffer offer = CatalogueOffer.of(request, clock.instant(), user);
        if (!offers.update(offer)) {
            throw new NotFoundException("no offer " + offerId);
        }
        return offer;
    }

    @Transactional
    public void delete(String offerId) {
        if (!offers.markDeleted(offerId, clock.instant())) {
            throw new NotFoundException("no offer " + offerId);
        }
    }

    /**
     * The candidates of a decision: the trigger's own offer first (when it has one), then the catalogue offers it
     * names, in its order. An offer deleted from the catalogue since is left out.
     */
    public List<CandidateOffer> candidates(
            ReconnectContext context, List<String> catalogueOfferIds, String customerId, ValueSegment segment) {
        Instant now = clock.instant();
        Map<OfferKind, Double> leverOf = levers.forTrigger(context.triggerKey());
        List<CandidateOffer> candidates = new ArrayList<>();
        if (context.offer() != null) {
            String id = CandidateOffer.triggerOfferId(context.triggerKey());
            candidates.add(withLever(
                    CandidateOffer.ofTrigger(
                            context.triggerKey(), context.offer(), 1, outcomes.propensities(id, segment), 0),
                    leverOf));
        }
        for (String offerId : catalogueOfferIds == null ? List.<String>of() : catalogueOfferIds) {
            Optional<CatalogueOffer> found = offers.find(offerId);
            if (found.isEmpty()) {
                log.warn("Trigger {} names offer {}, which is not in the catalogue", context.triggerKey(), offerId);
                continue;
            }
            candidates.add(withLever(candidate(found.get(), customerId, segment, now, candidates.size()), leverOf));
        }
        return candidates;
    }

    private static CandidateOffer withLever(CandidateOffer offer, Map<OfferKind, Double> leverOf) {
        Double lever = leverOf.get(offer.kind());
        return lever == null ? offer : offer.withLever(lever);
    }

    private CandidateOffer candidate(
            CatalogueOffer offer, String customerId, ValueSegment segment, Instant now, int order) {
        boolean counted = offer.maxIssues() != null || offer.budgetAmount() != null;
        return new CandidateOffer(
                offer.offerId(),
                offer.name(),
                offer.kind(),
                offer.terms(),
                offer.value(),
                offer.weight(),
                Set.copyOf(offer.channels()),
                offer.activeFrom(),
                offer.activeUntil(),
                offer.capPerCustomer(),
                offer.capWindow(),
                offer.capPerCustomer() == null
                        ? 0
                        : offers.issuesTo(
                                offer.offerId(),
                                customerId,
                                offer.capWindow() == null ? null : now.minus(offer.capWindow())),
                offer.maxIssues(),
                offer.budgetAmount(),
                offer.costPerIssue(),
                counted ? offers.issues(offer.offerId()) : 0,
                outcomes.propensities(offer.offerId(), segment),
                order,
                null);
    }

    private void validate(OfferRequest request) {
        if (OfferController.LEVERS.equals(request.offerId())) {
            throw new InvalidFieldException("offerId", "'levers' is reserved for /api/offers/levers");
        }
        requirePositive("validity", request.validity());
        if (request.capWindow() != null) {
            requirePositive("capWindow", request.capWindow());
        }
        int percent = request.percent() == null ? 0 : request.percent();
        if (request.kind() == OfferKind.DISCOUNT && percent == 0) {
            throw new InvalidFieldException("percent", "a discount needs a percentage from 1 to 100");
        }
        if (request.kind() != OfferKind.DISCOUNT && percent != 0) {
            throw new InvalidFieldException("percent", "only a DISCOUNT has a percentage; leave it out or 0");
        }
        if (Boolean.TRUE.equals(request.freeExpressShipping())
                && request.kind() != OfferKind.DISCOUNT
                && request.kind() != OfferKind.FREE_SHIPPING) {
            throw new InvalidFieldException(
                    "freeExpressShipping", "only a DISCOUNT or FREE_SHIPPING offer ships free (and comes with a code)");
        }
        if (request.activeFrom() != null
                && request.activeUntil() != null
                && !request.activeUntil().isAfter(request.activeFrom())) {
            throw new InvalidFieldException("activeUntil", "must be after activeFrom");
        }
        if (request.budgetAmount() != null && request.costPerIssue() == null) {
            throw new InvalidFieldException("costPerIssue", "is needed with budgetAmount: what one issue costs");
        }
        if (request.capWindow() != null && request.capPerCustomer() == null) {
            throw new InvalidFieldException("capPerCustomer", "is needed with capWindow");
        }
        List<Channel> channels = request.channels() == null ? List.of() : request.channels();
        if (new HashSet<>(channels).size() != channels.size()) {
            throw new InvalidFieldException("channels", "must not repeat a channel");
        }
        if (request.template() != null && !templates.exists(request.template())) {
            throw new InvalidFieldException("template", "no message template named " + request.template());
        }
        if (!Double.isFinite(request.value()) || (request.weight() != null && !Double.isFinite(request.weight()))) {
            throw new InvalidFieldException("value", "must be a finite number");
        }
    }

    private static void requirePositive(String field, Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            throw new InvalidFieldException(field, "must be a positive ISO-8601 duration such as P2D");
        }
    }
}
