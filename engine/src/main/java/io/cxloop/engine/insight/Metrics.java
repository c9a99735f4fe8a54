package io.cxloop.engine.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/** The arithmetic of the reports, exact on counts and rounded half up only for display. */
final class Metrics {

    private Metrics() {}

    /**
     * Net Promoter Score: % promoters (9–10) − % detractors (0–6) of all NPS responses, from −100 to 100, one
     * decimal; null without responses.
     */
    static BigDecimal nps(long promoters, long detractors, long responses) {
        return ratio(100 * (promoters - detractors), responses, 1);
    }

    /** {@code part} as a percentage of {@code whole}, one decimal; null when the whole is 0. */
    static BigDecimal percent(long part, long whole) {
        return ratio(100 * part, whole, 1);
    }

    /** {@code numerator / denominator} rounded half up to {@code scale} decimals; null when the denominator is 0. */
    static BigDecimal ratio(long numerator, long denominator, int scale) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }

    /** The median: the middle value, or the mean of the two middle values; null for no values. */
    static Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        return sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    /** A duration in minutes, one decimal; null for null. */
    static BigDecimal minutes(Duration duration) {
        return duration == null ? null : ratio(duration.toMillis(), 60_000, 1);
    }
}
