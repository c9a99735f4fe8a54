package io.cxloop.rules.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.rules.feedback.internal.LexiconFeedbackAnalyzer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Measures the built-in analyzer on hand-labelled comments, per language: sentiment accuracy and topic precision and
 * recall (micro-averaged over all comments). Prints the numbers and every miss, so an analyst who extends a lexicon
 * sees what changed, with the terms the analyzer found in each misread comment. The tuning set was looked at while
 * the lexicons were written; the held-out set was not.
 */
class FeedbackAnalyzerAccuracyTest {

    private final LexiconFeedbackAnalyzer analyzer = (LexiconFeedbackAnalyzer) FeedbackAnalyzer.builtIn();

    record Measurement(int comments, double sentimentAccuracy, double topicPrecision, double topicRecall) {}

    @ParameterizedTest(name = "{0} {1}: accuracy ≥ {2}, topic precision and recall ≥ {3}")
    @CsvSource({
        "samples-tuning.tsv,  de, 0.85, 0.8",
        "samples-tuning.tsv,  en, 0.85, 0.8",
        "samples-holdout.tsv, de, 0.6,  0.75",
        "samples-holdout.tsv, en, 0.6,  0.75",
    })
    void analyzerReadsLabelledCommentsWell(
            String resource, String language, double minAccuracy, double minTopicPrecisionAndRecall) {
        List<LabelledComments.Sample> samples = LabelledComments.read(resource).in(language);

        Measurement m = measure(resource, language, samples);

        assertThat(samples).hasSizeGreaterThanOrEqualTo(resource.contains("tuning") ? 40 : 10);
        assertThat(m.sentimentAccuracy()).isGreaterThanOrEqualTo(minAccuracy);
        assertThat(m.topicPrecision()).isGreaterThanOrEqualTo(minTopicPrecisionAndRecall);
        assertThat(m.topicRecall()).isGreaterThanOrEqualTo(minTopicPrecisionAndRecall);
    }

    private Measurement measure(String resource, String language, List<LabelledComments.Sample> samples) {
        int correct = 0;
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        StringBuilder misses = new StringBuilder();
        for (LabelledComments.Sample sample : samples) {
            FeedbackAnalysis analysis = analyzer.analyze(ScoreType.NPS, 5, sample.comment(), sample.language());
            if (analysis.sentiment() == sample.sentiment()) {
                correct++;
            } else {
                misses.append(String.format(
                        Locale.ROOT,
                        "  sentiment %s (%.3f), expected %s: %s%n",
                        analysis.sentiment(),
                        analysis.sentimentScore(),
                        sample.sentiment(),
                        sample.comment()));
                analyzer.explain(sample.comment(), sample.language())
                        .forEach(line -> misses.append("      ").append(line).append(System.lineSeparator()));
            }
            Set<Topic> found = analysis.topics();
            Set<Topic> extra = EnumSet.noneOf(Topic.class);
            Set<Topic> missed = EnumSet.noneOf(Topic.class);
            for (Topic topic : Topic.values()) {
                boolean expected = sample.topics().contains(topic);
                boolean got = found.contains(topic);
                if (expected && got) {
                    truePositives++;
                } else if (got) {
                    falsePositives++;
                    extra.add(topic);
                } else if (expected) {
                    falseNegatives++;
                    missed.add(topic);
                }
            }
            if (!extra.isEmpty() || !missed.isEmpty()) {
                misses.append(String.format(Locale.ROOT, "  topics +%s -%s: %s%n", extra, missed, sample.comment()));
            }
        }
        Measurement m = new Measurement(
                samples.size(),
                ratio(correct, samples.size()),
                ratio(truePositives, truePositives + falsePositives),
                ratio(truePositives, truePositives + falseNegatives));
        System.out.printf(
                Locale.ROOT,
                "Feedback analyzer on %s [%s]: %d comments, sentiment accuracy %.3f, topic precision %.3f, topic"
                        + " recall %.3f%n%s",
                resource,
                language,
                m.comments(),
                m.sentimentAccuracy(),
                m.topicPrecision(),
                m.topicRecall(),
                misses);
        return m;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1 : (double) part / whole;
    }
}
