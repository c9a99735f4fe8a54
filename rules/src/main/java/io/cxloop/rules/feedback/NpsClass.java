package io.cxloop.rules.feedback;

/**
 * Whether a customer would speak for or against the company, derived from a score on any scale.
 *
 * <table>
 *   <caption>Scores per class</caption>
 *   <tr><th>scale</th><th>detractor</th><th>passive</th><th>promoter</th></tr>
 *   <tr><td>NPS 0–10</td><td>0–6</td><td>7–8</td><td>9–10</td></tr>
 *   <tr><td>CSAT 1–5</td><td>1–2</td><td>3</td><td>4–5</td></tr>
 *   <tr><td>CES 1–7 (7 = very easy)</td><td>1–3</td><td>4–5</td><td>6–7</td></tr>
 * </table>
 *
 * <p>CES is read the way the survey page asks it ("How easy was it?"): a high score is a low effort and counts like a
 * high satisfaction.
 */
public enum NpsClass {
    DETRACTOR,
    PASSIVE,
    PROMOTER;

    /**
     * The class of a score on the given scale.
     *
     * @throws IllegalArgumentException if the score is outside the scale's range
     */
    public static NpsClass of(ScoreType type, int score) {
        type.requireValid(score);
        return switch (type) {
            case NPS -> score <= 6 ? DETRACTOR : score <= 8 ? PASSIVE : PROMOTER;
            case CSAT -> score <= 2 ? DETRACTOR : score == 3 ? PASSIVE : PROMOTER;
            case CES -> score <= 3 ? DETRACTOR : score <= 5 ? PASSIVE : PROMOTER;
        };
    }
}
