package io.cxloop.rules.nba.internal;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.Offer;
import io.cxloop.rules.nba.ActionType;
import io.cxloop.rules.nba.CandidateOffer;
import io.cxloop.rules.nba.Explanation;
import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.policy.ContactPolicyCollector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the rules concluded in one session: the explanations in firing order and the chosen action, if any. The rule
 * set reaches it as the global {@value #GLOBAL_NAME}, the contact policy composed with it as the global {@value
 * ContactPolicyCollector#GLOBAL_NAME}. One instance per decision; not thread-safe.
 */
public final class DecisionCollector implements ContactPolicyCollector {

    /** The global every next-best-action rule set must declare with this type. */
    public static final String GLOBAL_NAME = "decision";

    private final List<Explanation> explanations = new ArrayList<>();
    private Channel channel;
    private Offer offer;
    private Instant notBefore;
    private String offerId;
    private Double score;

    /** Records why a rule fired; call it with {@code drools.getRule().getName()}. */
    @Override
    public void explain(String rule, String reason) {
        explanations.add(new Explanation(rule, reason));
    }

    /** Chooses the reconnect offer on a channel. A rule set that chooses twice is wrong, so that fails loudly. */
    public void chooseReconnectOffer(Channel channel, Offer offer) {
        if (this.channel != null) {
            throw new IllegalStateException(
                    "The rule set chose twice: " + this.channel + " and then " + channel + "; it must choose once");
        }
        this.channel = Objects.requireNonNull(channel, "channel");
        this.offer = Objects.requireNonNull(offer, "offer");
    }

    /**
     * Chooses an offer of the arbitration on a channel, with its priority. A rule set that chooses twice is wrong, so
     * that fails loudly.
     */
    public void choose(Channel channel, CandidateOffer offer, double score) {
        chooseReconnectOffer(channel, Objects.requireNonNull(offer, "offer").terms());
        this.offerId = offer.offerId();
        this.score = score;
    }

    /** The chosen message waits until then (e.g. quiet hours end); it is not dropped. */
    @Override
    public void postponeUntil(Instant notBefore) {
        if (this.notBefore == null || notBefore.isAfter(this.notBefore)) {
            this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
        }
    }

    /** The explanations so far, in firing order. */
    public List<Explanation> explanations() {
        return List.copyOf(explanations);
    }

    /** When the message may leave at the earliest; null: at once (or nothing postponed it). */
    public Instant notBefore() {
        return notBefore;
    }

    public NextBestAction toNextBestAction(String ruleSetVersion) {
        return toNextBestAction(ruleSetVersion, null);
    }

    /** The decision, recording the next-best-action rules' version and the contact policy's it was composed with. */
    public NextBestAction toNextBestAction(String ruleSetVersion, String contactPolicyVersion) {
        if (channel == null) {
            return new NextBestAction(
                    ActionType.NO_ACTION,
                    null,
                    null,
                    ruleSetVersion,
                    explanations,
                    null,
                    null,
                    null,
                    contactPolicyVersion);
        }
        return new NextBestAction(
                ActionType.RECONNECT_OFFER,
                channel,
                offer,
                ruleSetVersion,
                explanations,
                notBefore,
                offerId,
                score,
                contactPolicyVersion);
    }
}
