package io.cxloop.engine.decision;

import io.cxloop.engine.customer.Customer;
import io.cxloop.engine.customer.CustomerRepository;
import io.cxloop.engine.offer.OfferHoldout;
import io.cxloop.engine.offer.OfferOutcomes;
import io.cxloop.engine.trigger.ReconnectTrigger;
import io.cxloop.engine.trigger.TriggerRepository;
import io.cxloop.engine.web.InvalidFieldException;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.Offer;
import io.cxloop.rules.nba.ActionType;
import io.cxloop.rules.nba.Explanation;
import io.cxloop.rules.nba.ReconnectContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The next-best-action decision for other systems (shop, call center, CRM): the same one the processes make. */
@RestController
@Tag(name = "Decisions")
public class NextBestActionController {

    /**
     * @param customerId a known customer
     * @param context on whose behalf: a reconnect trigger, and optionally the channels the caller can use
     */
    public record NextBestActionQuery(@NotBlank String customerId, @NotNull @Valid Context context) {

        /**
         * @param trigger the key of a reconnect trigger, e.g. {@code cart-abandoned}
         * @param channels limits the trigger's channels to these (in the trigger's order); left out: all of them
         */
        public record Context(@NotBlank String trigger, List<Channel> channels) {}
    }

    /**
     * The decision.
     *
     * @param offerId the chosen offer's id in the catalogue, {@code trigger:<key>} for the trigger's own offer
     * @param score the chosen offer's priority, propensity × business value × weight (the explanation gives the
     *     terms); null for no action, or when the rule set does not score
     * @param notBefore the message must not leave before this time (the customer's quiet hours); null: at once
     * @param offerGroup {@code TREATED} when an offer is to be made, {@code CONTROL} when the customer is held out of
     *     the chosen offer's control group (action {@code NO_ACTION}: send nothing); either way the outcome is
     *     reported to {@code POST /api/decisions/{decisionId}/outcome}. Null when no offer is made
     * @param ruleSetVersion the next-best-action version that decided, e.g. {@code next-best-action@v3}
     * @param contactPolicyVersion the contact-policy version composed with it, e.g. {@code contact-policy@builtin-1}
     * @param explanation the rules that fired, in firing order, with what they concluded
     */
    public record NextBestActionAnswer(
            String decisionId,
            ActionType action,
            Channel channel,
            Offer offer,
            String offerId,
            Double score,
            Instant notBefore,
            String offerGroup,
            String ruleSetVersion,
            String contactPolicyVersion,
            List<Explanation> explanation) {}

    /** @param outcome what became of the offer */
    public record OutcomeReport(@NotNull DecisionOutcomes.ReportedOutcome outcome) {}

    private final NextBestActionDecider decider;
    private final CustomerRepository customers;
    private final TriggerRepository triggers;
    private final OfferHoldout offerHoldout;
    private final DecisionRepository decisions;
    private final DecisionOutcomes outcomes;

    public NextBestActionController(
            NextBestActionDecider decider,
            CustomerRepository customers,
            TriggerRepository triggers,
            OfferHoldout offerHoldout,
            DecisionRepository decisions,
            DecisionOutcomes outcomes) {
        this.decider = decider;
        this.customers = customers;
        this.triggers = triggers;
        this.offerHoldout = offerHoldout;
        this.decisions = decisions;
        this.outcomes = outcomes;
    }

    @PostMapping("/api/decisions/next-best-action")
    @Transactional
    @Operation(summary = "Decide the next-best action for a customer now; the decision is recorded like a process's")
    public NextBestActionAnswer decide(@Valid @RequestBody NextBestActionQuery query) {
        Customer customer = customers
                .find(query.customerId())
                .orElseThrow(() -> new InvalidFieldException("customerId", "no customer " + query.customerId()));
        ReconnectTrigger trigger = triggers.findCurrent(query.context().trigger())
                .filter(ReconnectTrigger::active)
                .orElseThrow(() -> new InvalidFieldException(
                        "context.trigger",
                        "no active trigger " + query.context().trigger()));
        StoredDecision decision =
                decider.decide(customer, limitedTo(trigger, query.context().channels()), trigger.offers(), null);
        String offerGroup = null;
        if (decision.action() != ActionType.NO_ACTION && decision.offerId() != null) {
            offerGroup = OfferOutcomes.TREATED;
            Optional<Explanation> heldOut = offerHoldout.heldOut(
                    customer.customerId(),
                    decision.offerId(),
                    decision.channel(),
                    "report whether they convert anyway to /api/decisions/" + decision.decisionId() + "/outcome");
            if (heldOut.isPresent()) {
                decisions.holdOutOfOffer(decision.decisionId(), heldOut.get());
                decision = decisions.find(decision.decisionId()).orElseThrow();
                offerGroup = OfferOutcomes.CONTROL;
            }
        }
        return new NextBestActionAnswer(
                decision.decisionId(),
                decision.action(),
                decision.channel(),
                decision.offer(),
                decision.offerId(),
                decision.score(),
                decision.notBefore(),
                offerGroup,
                decision.ruleSetVersion(),
                decision.contactPolicyVersion(),
                decision.explanations());
    }

    @PostMapping("/api/decisions/{decisionId}/outcome")
    @Operation(
            summary = "Report what became of the offer of a decision asked for over the API, once",
            description = "CONVERTED teaches the offer's propensity for the customer's segment on the decision's"
                    + " channel, DECLINED and IGNORED count as messages without conversion; for a customer held"
                    + " out of the offer the outcome counts for the offer's uplift only. Reporting the same outcome"
                    + " again changes nothing (200); another outcome is a conflict (409), as is a decision of a"
                    + " campaign or one that made no offer.")
    public ResponseEntity<DecisionOutcomes.RecordedOutcome> outcome(
            @PathVariable String decisionId, @Valid @RequestBody OutcomeReport report) {
        DecisionOutcomes.RecordedOutcome recorded = outcomes.record(decisionId, report.outcome());
        return ResponseEntity.status(recorded.recordedNow() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(recorded);
    }

    private static ReconnectContext limitedTo(ReconnectTrigger trigger, List<Channel> channels) {
        ReconnectContext context = trigger.toReconnectContext();
        if (channels == null) {
            return context;
        }
        if (channels.isEmpty() || channels.contains(null)) {
            throw new InvalidFieldException("context.channels", "must name at least one channel, or be left out");
        }
        return new ReconnectContext(
                context.triggerKey(),
                context.channels().stream().filter(channels::contains).toList(),
                context.reEntry(),
                context.offer());
    }
}
