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
        Instant notBefore) {}
