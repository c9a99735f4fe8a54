package io.cxloop.engine.decision;

import io.cxloop.engine.customer.Customer;
import io.cxloop.engine.customer.CustomerRepository;
import io.cxloop.engine.offer.OfferOutcomes;
import io.cxloop.engine.web.ConflictException;
import io.cxloop.engine.web.NotFoundException;
import io.cxloop.rules.nba.ActionType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcomes of decisions asked for over the API, as the calling system reports them: they teach the offer's propensity
 * (customers who got the offer) or measure its uplift (customers held out of it) like the outcomes campaigns record.
 */
@Service
public class DecisionOutcomes {

    /** What became of an offer a decision made, as the system that made it reports. */
    public enum ReportedOutcome {
        /** The customer took the offer up (bought, booked, answered …). */
        CONVERTED,
        /** The customer saw the offer and turned it down. */
        DECLINED,
        /** The customer did not react while the offer held. */
        IGNORED;

        boolean converted() {
            return this == CONVERTED;
        }
    }

    /**
     * An outcome as recorded.
     *
     * @param group {@code TREATED} (the offer was made) or {@code CONTROL} (held out of the offer's control group)
     * @param recordedNow false when the same outcome had been reported before
     */
    public record RecordedOutcome(
            String decisionId, String offerId, String group, ReportedOutcome outcome, boolean recordedNow) {}

    private final DecisionRepository decisions;
    private final CustomerRepository customers;
    private final OfferOutcomes outcomes;
    private final Clock clock;

    public DecisionOutcomes(
            DecisionRepository decisions, CustomerRepository customers, OfferOutcomes outcomes, Clock clock) {
        this.decisions = decisions;
        this.customers = customers;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /**
     * Records the outcome once per decision; the same outcome reported again changes nothing, another one is a
     * conflict.
     */
    @Transactional
    public RecordedOutcome record(String decisionId, ReportedOutcome outcome) {
        StoredDecision decision =
                decisions.find(decisionId).orElseThrow(() -> new NotFoundException("no decision " + decisionId));
        Optional<RecordedOutcome> earlier = earlier(decisionId, outcome);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (decision.campaignId() != null) {
            throw new ConflictException("decision " + decisionId + " was made by campaign " + decision.campaignId()
                    + ", which records its outcome itself");
        }
        boolean control = decisions.heldOutOfOffer(decisionId);
        if (decision.offerId() == null || (!control && decision.action() == ActionType.NO_ACTION)) {
            throw new ConflictException("decision " + decisionId + " made no offer (" + decision.action()
                    + "): it has no outcome to learn");
        }
        Customer customer = customers
                .find(decision.customerId())
                .orElseThrow(() -> new IllegalStateException("no customer " + decision.customerId()));
        String group = control ? OfferOutcomes.CONTROL : OfferOutcomes.TREATED;
        Instant now = clock.instant();
        try {
            if (!outcomes.recordDecision(
                    decisionId,
                    decision.offerId(),
                    customer.valueSegment(),
                    control ? null : decision.channel(),
                    group,
                    outcome.converted(),
                    outcome.name(),
                    now)) {
                throw new ConflictException("decision " + decisionId + " has an outcome already");
            }
        } catch (DuplicateKeyException e) {
            // reported twice at the same moment; on PostgreSQL this transaction can read no further
            throw new ConflictException("decision " + decisionId + " got another outcome report at the same time;"
                    + " report again to see which was recorded");
        }
        return new RecordedOutcome(decisionId, decision.offerId(), group, outcome, true);
    }

    private Optional<RecordedOutcome> earlier(String decisionId, ReportedOutcome outcome) {
        return outcomes.ofDecision(decisionId).map(recorded -> {
            if (!outcome.name().equals(recorded.outcome())) {
                throw new ConflictException("decision " + decisionId + " has the outcome "
                        + (recorded.outcome() == null ? "its campaign recorded" : recorded.outcome())
                        + " already; an outcome is reported once");
            }
            return new RecordedOutcome(decisionId, recorded.offerId(), recorded.group(), outcome, false);
        });
    }
}
