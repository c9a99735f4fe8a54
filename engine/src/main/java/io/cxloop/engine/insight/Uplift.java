package io.cxloop.engine.insight;

/**
 * The uplift of a treatment over a control group: the difference of two conversion rates with a 95 % confidence
 * interval by Newcombe's hybrid score method (Newcombe 1998, method 10), built from the Wilson score intervals of the
 * two rates. Unlike the Wald interval it stays inside [-1, 1] and keeps its coverage for small groups and rates near 0
 * or 1.
 */
public final class Uplift {

    /** The method in words, for the report. */
    public static final String METHOD =
            "difference of conversion rates (treated - control); 95 % confidence interval by Newcombe's hybrid score"
                    + " method (Wilson score intervals of both rates combined), not the Wald interval";

    /** Each group needs at least this many ended campaigns ... */
    public static final int MIN_CAMPAIGNS = 30;

    /** ... and at least this many conversions and as many non-conversions for the interval to be trusted. */
    public static final int MIN_EACH_OUTCOME = 5;

    /** The 97.5 % quantile of the standard normal distribution. */
    static final double Z = 1.959963984540054;

    private Uplift() {}

    /** An interval [lower, upper]. */
    public record Interval(double lower, double upper) {}

    /** The Wilson score interval of {@code conversions / campaigns}; campaigns must be positive. */
    public static Interval wilson(long conversions, long campaigns) {
        double n = campaigns;
        double p = conversions / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new Interval(Math.max(0, center - half), Math.min(1, center + half));
    }

    /** Newcombe's interval of {@code p1 - p2}; both groups must have campaigns. */
    public static Interval newcombe(long conversions1, long campaigns1, long conversions2, long campaigns2) {
        double p1 = (double) conversions1 / campaigns1;
        double p2 = (double) conversions2 / campaigns2;
        Interval w1 = wilson(conversions1, campaigns1);
        Interval w2 = wilson(conversions2, campaigns2);
        double d = p1 - p2;
        double lower = d - Math.sqrt(square(p1 - w1.lower()) + square(w2.upper() - p2));
        double upper = d + Math.sqrt(square(w1.upper() - p1) + square(p2 - w2.lower()));
        return new Interval(lower, upper);
    }

    /** Whether a group is large enough for the interval to be trusted. */
    public static boolean sufficient(long conversions, long campaigns) {
        return campaigns >= MIN_CAMPAIGNS
                && conversions >= MIN_EACH_OUTCOME
                && campaigns - conversions >= MIN_EACH_OUTCOME;
    }

    private static double square(double x) {
        return x * x;
    }
}
