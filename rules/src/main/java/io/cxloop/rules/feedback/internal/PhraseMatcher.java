package io.cxloop.rules.feedback.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds lexicon entries of one or more words in a token list, the longest entry first and an exact word before a
 * stem, so "nicht angekommen" wins over "nicht" and "gut" over "gut*".
 */
final class PhraseMatcher<T> {

    record Entry<T>(List<TermPattern> words, T value, String source) {}

    record Match<T>(T value, int length, String source) {}

    private final List<Entry<T>> entries;

    PhraseMatcher(List<Entry<T>> entries) {
        List<Entry<T>> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.<Entry<T>>comparingInt(e -> -e.words().size())
                .thenComparing(e -> e.words().get(0).kind())
                .thenComparingInt(e -> -e.words().get(0).text().length()));
        this.entries = List.copyOf(sorted);
    }

    static List<TermPattern> words(String phrase) {
        return Arrays.stream(phrase.strip().split("\\s+"))
                .map(TermPattern::parse)
                .toList();
    }

    /** The best entry starting at {@code position}, never reaching across a clause's end. */
    Optional<Match<T>> matchAt(List<String> tokens, int position) {
        for (Entry<T> entry : entries) {
            if (matches(entry.words(), tokens, position)) {
                return Optional.of(new Match<>(entry.value(), entry.words().size(), entry.source()));
            }
        }
        return Optional.empty();
    }

    /** Every entry starting at {@code position}: a compound like "Versandkosten" may name two topics. */
    List<T> allAt(List<String> tokens, int position) {
        List<T> values = new ArrayList<>();
        for (Entry<T> entry : entries) {
            if (matches(entry.words(), tokens, position)) {
                values.add(entry.value());
            }
        }
        return values;
    }

    private static boolean matches(List<TermPattern> words, List<String> tokens, int position) {
        if (position + words.size() > tokens.size()) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            String token = tokens.get(position + i);
            if (Text.endsClause(token) || !words.get(i).matches(token)) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return entries.size();
    }
}
