package io.cxloop.rules.feedback;

import java.util.Objects;
import java.util.Set;

/**
 * What the analysis found in one feedback.
 *
 * @param npsClass from the score alone
 * @param sentiment from the comment's text alone; {@link Sentiment#NEUTRAL} without a comment
 * @param sentimentScore the text's tone from -1 (very negative) to +1 (very positive), 0 without a comment
 * @param topics what the comment is about; empty without a comment or when no topic is recognised
 */
public record FeedbackAnalysis(NpsClass npsClass, Sentiment sentiment, double sentimentScore, Set<Topic> topics) {

    public FeedbackAnalysis {
        Objects.requireNonNull(npsClass, "npsClass");
        Objects.requireNonNull(sentiment, "sentiment");
        if (Double.isNaN(sentimentScore) || sentimentScore < -1 || sentimentScore > 1) {
            throw new IllegalArgumentException("sentimentScore must be between -1 and 1, was " + sentimentScore);
        }
        topics = topics == null ? Set.of() : Set.copyOf(topics);
    }
}
