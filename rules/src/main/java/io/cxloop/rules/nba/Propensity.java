package io.cxloop.rules.nba;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How likely a customer of a segment converts after an offer on a channel, learned from recorded outcomes with a Beta
 * prior: with prior Beta(α0, β0), {@code conversions} among {@code impressions} messages give the posterior
 * Beta(α0 + conversions, β0 + impressions − conversions), whose mean (α0 + conversions) / (α0 + β0 + impressions) is
 * the propensity. Without outcomes it is the prior's mean; every outcome moves it a little, many outcomes move it to the
 * observed rate.
 *
 * @param alpha α0 of the prior, the conversions it is "worth" (> 0)
 * @param beta β0 of the prior, the non-conversions it is "worth" (> 0)
 * @param conversions messages that were followed by the goal (a purchase) while the offer was valid
 * @param impressions messages sent, converted or not
 */
public record Propensity(double alpha, double beta, long conversions, long impressions) {

    /** One conversion in ten, worth ten observations: a cautious prior for a new offer. */
    public static final Propensity DEFAULT_PRIOR = prior(1, 9);

    public Propensity {
        if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("the prior needs alpha > 0 and beta > 0: " + alpha + ", " + beta);
        }
        if (conversions < 0 || impressions < conversions) {
            throw new IllegalArgumentException(
                    "need 0 <= conversions <= impressions: " + conversions + " of " + impressions);
        }
    }

    /** The prior alone, before any outcome. */
    public static Propensity prior(double alpha, double beta) {
        return new Propensity(alpha, beta, 0, 0);
    }

    /** The posterior mean: (α0 + conversions) / (α0 + β0 + impressions). */
    public double mean() {
        return (alpha + conversions) / (alpha + beta + impressions);
    }

    /** This propensity after one more message, converted or not. */
    public Propensity observe(boolean converted) {
        return new Propensity(alpha, beta, conversions + (converted ? 1 : 0), impressions + 1);
    }

    /** This propensity after a batch of outcomes. */
    public Propensity observe(long moreConversions, long moreImpressions) {
        return new Propensity(alpha, beta, conversions + moreConversions, impressions + moreImpressions);
    }

    /** E.g. {@code 0.115 (3 conversions in 16 messages, prior Beta(1, 9))}. */
    public String inWords() {
        return round(mean()) + " (" + conversions + (conversions == 1 ? " conversion" : " conversions") + " in "
                + impressions + (impressions == 1 ? " message" : " messages") + ", prior Beta(" + round(alpha) + ", "
                + round(beta) + "))";
    }

    /** Three decimals at most, no trailing zeros: 0.1, 0.115, 12. */
    public static String round(double value) {
        return BigDecimal.valueOf(value)
                .setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
