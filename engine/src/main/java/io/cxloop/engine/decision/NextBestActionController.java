package io.cxloop.engine.decision;

import io.cxloop.engine.customer.Customer;
import io.cxloop.engine.customer.CustomerRepository;
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
import org.springframework.transaction.annotation.Transactional;
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
            String ruleSetVersion,
            List<Explanation> explanation) {}

    private final NextBestActionDecider decider;
    private final CustomerRepository customers;
    private final TriggerRepository triggers;

    public NextBestActionController(
            NextBestActionDecider decider, CustomerRepository customers, TriggerRepository triggers) {
        this.decider = decider;
        this.customers = customers;
        this.triggers = triggers;
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
        return new NextBestActionAnswer(
                decision.decisionId(),
                decision.action(),
                decision.channel(),
                decision.offer(),
                decision.offerId(),
                decision.score(),
                decision.notBefore(),
                decision.ruleSetVersion(),
                decision.explanations());
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
