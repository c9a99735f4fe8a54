package io.cxloop.rules.feedback;

import io.cxloop.rules.feedback.internal.LexiconFeedbackAnalyzer;

/**
 * Scores and reads a customer's feedback: the NPS class from the score, sentiment and topics from the comment.
 * Thread-safe: build once, call from any thread.
 */
public interface FeedbackAnalyzer {

    /**
     * The analyzer with the lexicons that ship in this jar (classpath {@code io/cxloop/rules/feedback/lexicon/}),
     * German and English. Loaded on first use, shared afterwards.
     */
    static FeedbackAnalyzer builtIn() {
        return LexiconFeedbackAnalyzer.builtIn();
    }

    /**
     * Analyses one feedback.
     *
     * @param type the scale of the score
     * @param score the score, within the scale's range
     * @param comment the customer's free text; may be {@code null} or blank (then sentiment is neutral, no topics)
     * @param language {@code "de"} or {@code "en"} (a region such as {@code "de-AT"} is ignored); any other language
     *     or {@code null} is read with both lexicons
     * @throws IllegalArgumentException if the score is outside the scale's range
     */
    FeedbackAnalysis analyze(ScoreType type, int score, String comment, String language);
}
