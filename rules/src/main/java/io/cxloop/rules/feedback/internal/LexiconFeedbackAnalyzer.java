package io.cxloop.rules.feedback.internal;

import io.cxloop.rules.feedback.FeedbackAnalysis;
import io.cxloop.rules.feedback.FeedbackAnalyzer;
import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.feedback.ScoreType;
import io.cxloop.rules.feedback.Sentiment;
import io.cxloop.rules.feedback.Topic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Sentiment and topics from curated German and English lexicons (see {@link Lexicon}), with negation ("nicht gut",
 * "not good", "gefällt mir nicht"), intensifiers ("sehr", "really") and contrast ("gut, aber teuer": what follows
 * "aber" weighs more; after "obwohl" less) and irony ("…, super..."). The text's valences add up to a raw sum that is squashed into -1..+1 the way VADER does (sum /
 * sqrt(sum² + {@value #ALPHA})); each "!" (up to three) strengthens the sum by a tenth. Immutable and thread-safe.
 */
public final class LexiconFeedbackAnalyzer implements FeedbackAnalyzer {

    /** Scores at or beyond ±this are positive or negative; between, neutral. */
    static final double NEUTRAL_BAND = 0.15;

    /** How fast the score approaches ±1 as valences add up. */
    static final double ALPHA = 8;

    /** A negation reaches a sentiment word at most this many words after it ("nicht sehr schnell"). */
    static final int NEGATION_REACH = 3;

    /** How much a valence after a contrast word counts when the lexicon gives no factor ("aber", "but"). */
    static final double AFTER_CONTRAST = 1.5;

    private final Lexicon german;
    private final Lexicon english;
    private final Lexicon both;

    LexiconFeedbackAnalyzer(Lexicon german, Lexicon english, Lexicon both) {
        this.german = german;
        this.english = english;
        this.both = both;
    }

    public static FeedbackAnalyzer builtIn() {
        return BuiltIn.ANALYZER;
    }

    @Override
    public FeedbackAnalysis analyze(ScoreType type, int score, String comment, String language) {
        Objects.requireNonNull(type, "type");
        NpsClass npsClass = NpsClass.of(type, score);
        if (comment == null || comment.isBlank()) {
            return new FeedbackAnalysis(npsClass, Sentiment.NEUTRAL, 0, Set.of());
        }
        Lexicon lexicon = lexiconFor(language);
        List<String> tokens = Text.tokens(comment);
        double sentimentScore = read(lexicon, tokens).score();
        return new FeedbackAnalysis(npsClass, sentimentOf(sentimentScore), sentimentScore, topics(lexicon, tokens));
    }

    private Lexicon lexiconFor(String language) {
        if (language == null) {
            return both;
        }
        String base = language.strip().toLowerCase(Locale.ROOT);
        int region = base.indexOf('-') >= 0 ? base.indexOf('-') : base.indexOf('_');
        base = region >= 0 ? base.substring(0, region) : base;
        return switch (base) {
            case "de" -> german;
            case "en" -> english;
            default -> both;
        };
    }

    static Sentiment sentimentOf(double score) {
        if (score >= NEUTRAL_BAND) {
            return Sentiment.POSITIVE;
        }
        return score <= -NEUTRAL_BAND ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    }

    /** A sentiment word or phrase found in the text, with what modified it. */
    private static final class Hit {
        final int position;
        final int clause;
        double value;
        final Lexicon.Valence valence;
        boolean negated;
        boolean trailedByEllipsis;
        boolean ironic;

        final String source;

        final int length;

        Hit(int position, int length, int clause, Lexicon.Valence valence, double intensity, String source) {
            this.source = source;
            this.position = position;
            this.length = length;
            this.clause = clause;
            this.valence = valence;
            this.value = valence.value() * intensity;
        }

        void negate() {
            // the negated valence of the entry, scaled as the intensifier scaled the plain one
            double intensity = valence.value() == 0 ? 1 : value / valence.value();
            value = valence.negated() * intensity;
            negated = true;
        }
    }

    /**
     * How the analyzer reads a comment: each sentiment term it found with its lexicon line and final valence, then
     * the score. For analysts who extend a lexicon and want to see why a comment came out as it did.
     */
    public List<String> explain(String comment, String language) {
        Reading reading = read(lexiconFor(language), Text.tokens(comment == null ? "" : comment));
        List<String> lines = new ArrayList<>(reading.terms());
        lines.add(String.format(Locale.ROOT, "score %.3f: %s", reading.score(), sentimentOf(reading.score())));
        return lines;
    }

    private record Reading(double score, List<String> terms) {}

    private static Reading read(Lexicon lexicon, List<String> tokens) {
        List<Hit> hits = new ArrayList<>();
        int clause = 0;
        int lastContrastHit = -1;
        double afterContrast = 1;
        int pendingNegation = -1;
        double pendingIntensity = 1;
        int intensifierAt = -1;
        int exclamations = 0;
        for (int i = 0; i < tokens.size(); ) {
            String token = tokens.get(i);
            if (Text.endsClause(token)) {
                if (token.equals("!")) {
                    exclamations++;
                }
                clause++;
                pendingNegation = -1;
                pendingIntensity = 1;
                i++;
                continue;
            }
            Optional<PhraseMatcher.Match<Lexicon.Valence>> sentiment =
                    lexicon.sentiment().matchAt(tokens, i);
            Optional<PhraseMatcher.Match<Lexicon.Modifier>> modifier =
                    lexicon.modifiers().matchAt(tokens, i);
            // the longer entry wins ("noch nicht" is a negation, "kein Problem" a sentiment); on a tie, the sentiment
            if (sentiment.isPresent()
                    && (modifier.isEmpty()
                            || sentiment.get().length() >= modifier.get().length())) {
                double intensity = intensifierAt >= 0 && i - intensifierAt <= 2 ? pendingIntensity : 1;
                Hit hit = new Hit(
                        i,
                        sentiment.get().length(),
                        clause,
                        sentiment.get().value(),
                        intensity,
                        sentiment.get().source());
                if (pendingNegation >= 0 && i - pendingNegation <= NEGATION_REACH) {
                    hit.negate();
                    pendingNegation = -1;
                }
                hit.trailedByEllipsis = ellipsisAt(tokens, i + sentiment.get().length());
                hits.add(hit);
                pendingIntensity = 1;
                intensifierAt = -1;
                i += sentiment.get().length();
                continue;
            }
            if (modifier.isPresent()) {
                Lexicon.Modifier m = modifier.get().value();
                switch (m.kind()) {
                    case NEGATOR -> pendingNegation = i;
                    case TRAILING_NEGATOR -> {
                        if (sentimentAhead(lexicon, tokens, i + modifier.get().length())) {
                            pendingNegation = i;
                        } else if (lastContrastHit < hits.size()) {
                            negatePrevious(hits, clause, i);
                        }
                    }
                    case INTENSIFIER -> {
                        pendingIntensity *= m.factor();
                        intensifierAt = i;
                    }
                    case CONTRAST -> {
                        lastContrastHit = hits.size();
                        afterContrast = m.factor();
                    }
                }
                i += modifier.get().length();
                continue;
            }
            i++;
        }
        markIrony(hits);
        double sum = 0;
        List<String> terms = new ArrayList<>();
        for (int h = 0; h < hits.size(); h++) {
            Hit hit = hits.get(h);
            // "gut, aber teuer" (factor 1.5): before ×0.5, after ×1.5; "obwohl" (0.5) the other way round
            double weight = lastContrastHit < 0 ? 1 : h < lastContrastHit ? 2 - afterContrast : afterContrast;
            sum += hit.value * weight;
            terms.add(String.format(
                    Locale.ROOT,
                    "%s '%s' %+.2f%s%s",
                    hit.source,
                    String.join(" ", tokens.subList(hit.position, hit.position + hit.length)),
                    hit.value * weight,
                    hit.negated ? " (negated)" : hit.ironic ? " (ironic)" : "",
                    weight != 1 ? " (contrast ×" + weight + ")" : ""));
        }
        sum *= 1 + 0.1 * Math.min(exclamations, 3);
        double score = Math.round(sum / Math.sqrt(sum * sum + ALPHA) * 1000) / 1000.0;
        return new Reading(score, terms);
    }

    private static boolean ellipsisAt(List<String> tokens, int position) {
        if (position < tokens.size() && tokens.get(position).equals("…")) {
            return true;
        }
        return position + 1 < tokens.size()
                && tokens.get(position).equals(".")
                && tokens.get(position + 1).equals(".");
    }

    /**
     * "Paket kam nicht an. Super..." — praise trailed by an ellipsis in an otherwise negative comment is ironic and
     * counts against.
     */
    private static void markIrony(List<Hit> hits) {
        double rest = hits.stream()
                .filter(hit -> !hit.trailedByEllipsis)
                .mapToDouble(hit -> hit.value)
                .sum();
        if (rest >= 0) {
            return;
        }
        for (Hit hit : hits) {
            if (hit.trailedByEllipsis && hit.value > 0) {
                hit.value = -hit.value;
                hit.ironic = true;
            }
        }
    }

    /** Whether a sentiment entry follows within the negation's reach, in the same clause. */
    private static boolean sentimentAhead(Lexicon lexicon, List<String> tokens, int from) {
        for (int i = from; i < tokens.size() && i < from + NEGATION_REACH; i++) {
            if (Text.endsClause(tokens.get(i))) {
                return false;
            }
            if (lexicon.sentiment().matchAt(tokens, i).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** German puts the negation after the verb: "gefällt mir nicht", "funktioniert seit dem Update nicht". */
    private static void negatePrevious(List<Hit> hits, int clause, int negatorAt) {
        if (hits.isEmpty()) {
            return;
        }
        Hit last = hits.get(hits.size() - 1);
        if (last.clause == clause && !last.negated && negatorAt - last.position <= 5) {
            last.negate();
        }
    }

    static Set<Topic> topics(Lexicon lexicon, List<String> tokens) {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        for (int i = 0; i < tokens.size(); i++) {
            topics.addAll(lexicon.topics().allAt(tokens, i));
        }
        return topics;
    }

    /** Holder idiom: reads the lexicons once, on first use, thread-safely. */
    private static final class BuiltIn {
        static final FeedbackAnalyzer ANALYZER =
                new LexiconFeedbackAnalyzer(Lexicon.builtIn("de"), Lexicon.builtIn("en"), Lexicon.builtIn("de", "en"));
    }
}
