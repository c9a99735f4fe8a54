package io.cxloop.rules.nba;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.Offer;
import java.util.List;

/**
 * The outcome of a next-best-action decision: an action (or none), its channel and offer, the rule-set version that
 * made it and the rules that fired, in firing order.
 *
 * @param channel null when {@code action} is {@link ActionType#NO_ACTION}
 * @param offer null when {@code action} is {@link ActionType#NO_ACTION}
 */
public record NextBestAction(
        ActionType action, Channel channel, Offer offer, String ruleSetVersion, List<Explanation> explanations) {

    public NextBestAction {
        explanations = List.copyOf(explanations);
    }

    public boolean hasAction() {
        return action != ActionType.NO_ACTION;
    }
}
