package io.cxloop.rules.feedback;

/** The rating scale a feedback score is given on, with its valid range. */
public enum ScoreType {
    /** Net Promoter Score: "How likely are you to recommend us?", 0 (not at all) to 10 (extremely likely). */
    NPS(0, 10),
    /** Customer satisfaction: 1 (very dissatisfied) to 5 (very satisfied). */
    CSAT(1, 5),
    /** Customer effort score: "How easy was it?", 1 (very difficult) to 7 (very easy). */
    CES(1, 7);

    private final int min;
    private final int max;

    ScoreType(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /** The lowest valid score. */
    public int min() {
        return min;
    }

    /** The highest valid score. */
    public int max() {
        return max;
    }

    /** Whether the score lies on this scale. */
    public boolean accepts(int score) {
        return score >= min && score <= max;
    }

    /**
     * Returns the score if it lies on this scale.
     *
     * @throws IllegalArgumentException naming the valid range otherwise
     */
    public int requireValid(int score) {
        if (!accepts(score)) {
            throw new IllegalArgumentException(
                    "A " + name() + " score must be between " + min + " and " + max + ", was " + score);
        }
        return score;
    }
}
