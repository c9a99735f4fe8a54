package io.cxloop.rules.nba;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.Offer;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of a next-best-action decision: an action (or none), its channel and offer, the rule-set version that
 * made it and the rules that fired, in firing order.
 *
 * @param channel null when {@code action} is {@link ActionType#NO_ACTION}
 * @param offer null when {@code action} is {@link ActionType#NO_ACTION}
 * @param notBefore the message must not leave before this time (quiet hours); null: at once
 * @param offerId the chosen offer's id in the catalogue ({@code trigger:<key>} for a trigger's own offer); null when
 *     there is no action or the rule set does not arbitrate
 * @param score the chosen offer's priority (propensity × business value × weight × lever); null when there is no action or
 *     the rule set does not score
 * @param contactPolicyVersion the {@code contact-policy} version composed with the rules that decided, e.g. {@code
 *     contact-policy@builtin-1}; null for rules that ran without a contact policy of their own
 */
public record NextBestAction(
        ActionType action,
        Channel channel,
        Offer offer,
        String ruleSetVersion,
        List<Explanation> explanations,
        Instant notBefore,
        String offerId,
        Double score,
        String contactPolicyVersion) {

    public NextBestAction {
        explanations = List.copyOf(explanations);
    }

    /** A decision of rules without a contact policy of their own. */
    public NextBestAction(
            ActionType action,
            Channel channel,
            Offer offer,
            String ruleSetVersion,
            List<Explanation> explanations,
            Instant notBefore,
            String offerId,
            Double score) {
        this(action, channel, offer, ruleSetVersion, explanations, notBefore, offerId, score, null);
    }

    /** A decision without arbitration (a rule set that chooses the trigger's offer without scoring it). */
    public NextBestAction(
            ActionType action,
            Channel channel,
            Offer offer,
            String ruleSetVersion,
            List<Explanation> explanations,
            Instant notBefore) {
        this(action, channel, offer, ruleSetVersion, explanations, notBefore, null, null);
    }

    /** An action to take at once. */
    public NextBestAction(
            ActionType action, Channel channel, Offer offer, String ruleSetVersion, List<Explanation> explanations) {
        this(action, channel, offer, ruleSetVersion, explanations, null, null, null);
    }

    public boolean hasAction() {
        return action != ActionType.NO_ACTION;
    }
}
