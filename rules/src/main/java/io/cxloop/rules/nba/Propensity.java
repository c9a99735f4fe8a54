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

    /**
     * Three decimals at most, no trailing zeros: 0.1, 0.115, 12. The decimal that {@link Double#toString} shows is
     * rounded half up, so 0.0005 gives 0.001 and 1.0005 gives 1.001 although the nearest doubles lie a little above or
     * below.
     */
    public static String round(double value) {
        // Explanations round a dozen numbers per decision; BigDecimal took half of their cost. Away from a tie
        // (x.xxx5) the double and its decimal round alike, so the thousandths are counted in a long instead.
        if (value >= 0 && value < ROUNDED_EXACTLY_BELOW) {
            double thousandths = value * 1000;
            double whole = Math.floor(thousandths);
            double fraction = thousandths - whole;
            if (Math.abs(fraction - 0.5) > NEAR_A_TIE) {
                return thousandthsInWords((long) whole + (fraction > 0.5 ? 1 : 0));
            }
        }
        return roundDecimal(value);
    }

    /** Up to here value × 1000 is within 10⁻⁷ of the decimal's thousandths, far less than {@link #NEAR_A_TIE}. */
    private static final double ROUNDED_EXACTLY_BELOW = 1e6;

    private static final double NEAR_A_TIE = 1e-6;

    /** {@link #round} by the book, for ties, negative and large numbers. */
    static String roundDecimal(double value) {
        return BigDecimal.valueOf(value)
                .setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String thousandthsInWords(long thousandths) {
        long units = thousandths / 1000;
        int decimals = (int) (thousandths % 1000);
        if (decimals == 0) {
            return Long.toString(units);
        }
        StringBuilder text = new StringBuilder(24).append(units).append('.');
        text.append((char) ('0' + decimals / 100));
        if (decimals % 100 != 0) {
            text.append((char) ('0' + decimals / 10 % 10));
            if (decimals % 10 != 0) {
                text.append((char) ('0' + decimals % 10));
            }
        }
        return text.toString();
    }
}
