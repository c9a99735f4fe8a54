package io.cxloop.engine.decision;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.Offer;
import io.cxloop.rules.nba.ActionType;
import io.cxloop.rules.nba.Explanation;
import java.time.Instant;
import java.util.List;

/**
 * A next-best-action decision as recorded: what was decided, by which rule-set version, and why.
 *
 * @param notBefore the message waits until then (the customer's quiet hours); null: at once
 * @param offerId the chosen offer ({@code trigger:<key>} for a trigger's own offer); null without action
 * @param score the chosen offer's priority, propensity × business value × weight; null without action
 * @param contactPolicyVersion the {@code contact-policy} version composed with the rules of {@code ruleSetVersion}
 *     (next-best action, survey and review invitations), e.g. {@code contact-policy@v2}; null for decisions recorded
 *     before invitations were composed with it
 */
public record StoredDecision(
        String decisionId,
        String customerId,
        String campaignId,
        ActionType action,
        Channel channel,
        Offer offer,
        String ruleSetVersion,
        List<Explanation> explanations,
        Instant decidedAt,
        Instant notBefore,
        String offerId,
        Double score,
        String contactPolicyVersion) {

    /** A decision without arbitration between offers (no offer id, no score). */
    public StoredDecision(
            String decisionId,
            String customerId,
            String campaignId,
            ActionType action,
            Channel channel,
            Offer offer,
            String ruleSetVersion,
            List<Explanation> explanations,
            Instant decidedAt,
            Instant notBefore) {
        this(
                decisionId,
                customerId,
                campaignId,
                action,
                channel,
                offer,
                ruleSetVersion,
                explanations,
                decidedAt,
                notBefore,
                null,
                null,
                null);
    }
}
