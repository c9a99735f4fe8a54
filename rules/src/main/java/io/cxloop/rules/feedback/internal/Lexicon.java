package io.cxloop.rules.feedback.internal;

import io.cxloop.rules.feedback.Topic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word lists of one language, read from tab-separated resource files under {@value #FOLDER}:
 *
 * <ul>
 *   <li>{@code sentiment-<lang>.tsv}: {@code term  valence  [valence when negated]}, valence from -3 to +3
 *   <li>{@code modifiers-<lang>.tsv}: {@code term  NEGATOR|TRAILING_NEGATOR|INTENSIFIER|CONTRAST  [factor]}
 *   <li>{@code topics-<lang>.tsv}: {@code TOPIC  term}
 * </ul>
 *
 * A term is one or more words, each exact or with {@code *} for a stem (see {@link TermPattern}). Lines starting with
 * {@code #} are comments.
 */
record Lexicon(PhraseMatcher<Valence> sentiment, PhraseMatcher<Modifier> modifiers, PhraseMatcher<Topic> topics) {

    static final String FOLDER = "io/cxloop/rules/feedback/lexicon/";

    /** How a word or phrase colours a comment; {@code negated} applies when a negation reaches it. */
    record Valence(double value, double negated) {

        static Valence of(double value) {
            // "nicht gut" is clearly negative; "nicht schlecht" only mildly positive
            return new Valence(value, value > 0 ? -0.8 * value : -0.5 * value);
        }
    }

    enum ModifierKind {
        /** Reverses the next sentiment term within three words ("kein Problem", "not good"). */
        NEGATOR,
        /**
         * Like {@link #NEGATOR}; when no sentiment term follows, reverses the one just before it in the same clause, as
         * German places "nicht" after the verb ("gefällt mir nicht", "funktioniert seit dem Update nicht").
         */
        TRAILING_NEGATOR,
        /** Multiplies the next sentiment word by its factor: above 1 strengthens ("sehr"), below 1 weakens. */
        INTENSIFIER,
        /**
         * "aber", "but": what follows counts by the factor (default 1.5), what came before by 2 - factor; a factor
         * below 1 ("obwohl", "although") makes the part before the word count more.
         */
        CONTRAST
    }

    record Modifier(ModifierKind kind, double factor) {}

    /** The built-in lexicons of the given languages, merged. */
    static Lexicon builtIn(String... languages) {
        return fromFolder(FOLDER, languages);
    }

    /**
     * The lexicons of the given languages from a classpath folder, merged.
     *
     * @throws IllegalStateException naming file and line, for a line that cannot be read or a term listed twice
     */
    static Lexicon fromFolder(String folder, String... languages) {
        List<PhraseMatcher.Entry<Valence>> sentiment = new ArrayList<>();
        List<PhraseMatcher.Entry<Modifier>> modifiers = new ArrayList<>();
        List<PhraseMatcher.Entry<Topic>> topics = new ArrayList<>();
        for (String language : languages) {
            read(folder, "sentiment-" + language + ".tsv", (source, columns) -> {
                double value = number(source, columns, 1);
                Valence valence =
                        columns.length > 2 ? new Valence(value, number(source, columns, 2)) : Valence.of(value);
                sentiment.add(new PhraseMatcher.Entry<>(PhraseMatcher.words(columns[0]), valence, source));
            });
            read(folder, "modifiers-" + language + ".tsv", (source, columns) -> {
                ModifierKind kind = constant(ModifierKind.class, column(source, columns, 1));
                double factor = columns.length > 2
                        ? number(source, columns, 2)
                        : kind == ModifierKind.CONTRAST ? LexiconFeedbackAnalyzer.AFTER_CONTRAST : 1;
                if (kind == ModifierKind.CONTRAST && (factor < 0 || factor > 2)) {
                    throw new IllegalArgumentException("a CONTRAST factor must be between 0 and 2, was " + factor);
                }
                modifiers.add(
                        new PhraseMatcher.Entry<>(PhraseMatcher.words(columns[0]), new Modifier(kind, factor), source));
            });
            read(folder, "topics-" + language + ".tsv", (source, columns) -> {
                Topic topic = constant(Topic.class, columns[0].strip());
                topics.add(new PhraseMatcher.Entry<>(PhraseMatcher.words(column(source, columns, 1)), topic, source));
            });
        }
        return new Lexicon(new PhraseMatcher<>(sentiment), new PhraseMatcher<>(modifiers), new PhraseMatcher<>(topics));
    }

    private interface LineHandler {
        void accept(String source, String[] columns);
    }

    private static void read(String folder, String file, LineHandler handler) {
        String path = folder + file;
        Map<String, String> seen = new HashMap<>();
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Lexicon file missing from the classpath: " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                String source = file + ":" + number;
                String[] columns = line.split("\t");
                try {
                    // a term listed twice would leave it to chance which valence counts
                    String key = file.startsWith("topics-")
                            ? columns[0].strip() + " " + termKey(column(source, columns, 1))
                            : termKey(columns[0]);
                    String first = seen.putIfAbsent(key, source);
                    if (first != null) {
                        throw new IllegalArgumentException("the term is listed already at " + first);
                    }
                    handler.accept(source, columns);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(source + ": " + e.getMessage() + " in '" + line + "'", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lexicon file " + path, e);
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is no " + type.getSimpleName() + "; one of "
                + Arrays.toString(type.getEnumConstants()));
    }

    private static String termKey(String term) {
        return PhraseMatcher.words(term).toString();
    }

    private static String column(String source, String[] columns, int index) {
        if (columns.length <= index || columns[index].isBlank()) {
            throw new IllegalArgumentException("column " + (index + 1) + " is missing (columns are separated by tabs)");
        }
        return columns[index].strip();
    }

    private static double number(String source, String[] columns, int index) {
        return Double.parseDouble(column(source, columns, index));
    }
}
