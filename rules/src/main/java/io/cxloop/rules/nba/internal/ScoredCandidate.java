package io.cxloop.rules.nba.internal;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.CandidateOffer;
import io.cxloop.rules.nba.Propensity;

/**
 * An eligible offer on the channel it would go on, with its priority: propensity × business value × weight × lever. The
 * arbitration chooses the one with the highest priority.
 *
 * <p>A JavaBean with a setter on purpose, like {@link io.cxloop.rules.policy.ChannelCandidate}: the selection rule marks the winner with
 * {@code modify}.
 */
public final class ScoredCandidate {

    private final CandidateOffer offer;
    private final Channel channel;
    private final Propensity propensity;
    private final double score;
    private boolean chosen;

    public ScoredCandidate(CandidateOffer offer, Channel channel, double score) {
        this.offer = offer;
        this.channel = channel;
        this.propensity = offer.propensityOn(channel);
        this.score = score;
    }

    public CandidateOffer getOffer() {
        return offer;
    }

    public String getOfferId() {
        return offer.offerId();
    }

    public int getOrder() {
        return offer.order();
    }

    public Channel getChannel() {
        return channel;
    }

    public Propensity getPropensity() {
        return propensity;
    }

    public double getScore() {
        return score;
    }

    public boolean isChosen() {
        return chosen;
    }

    public void setChosen(boolean chosen) {
        this.chosen = chosen;
    }

    /**
     * E.g. {@code 1.2 = propensity 0.1 (…) × value 12 × weight 1}, with {@code × lever 1.5 for CONTENT} at the end
     * when the analysts set a lever other than 1 for the offer's kind.
     */
    public String termsInWords() {
        return Propensity.round(score) + " = propensity " + propensity.inWords() + " × value "
                + Propensity.round(offer.value()) + " × weight " + Propensity.round(offer.weight())
                + (offer.lever() == 1 ? "" : " × lever " + Propensity.round(offer.lever()) + " for " + offer.kind());
    }

    @Override
    public String toString() {
        return "ScoredCandidate[" + offer.offerId() + " on " + channel + ", " + score + (chosen ? ", chosen" : "")
                + "]";
    }
}
