package io.cxloop.rules.feedback.internal;

/**
 * One word of a lexicon entry: {@code gut} matches the word exactly, {@code enttaeusch*} every word starting so
 * (enttäuscht, Enttäuschung), {@code *lieferung} every word ending so (Lieferung, Expresslieferung), and
 * {@code *versand*} every word containing it (Versandkosten) — which is how German compounds are found.
 */
record TermPattern(String text, Kind kind) {

    enum Kind {
        EXACT,
        PREFIX,
        SUFFIX,
        INFIX
    }

    static TermPattern parse(String word) {
        String normalized = Text.normalize(word.strip());
        boolean leading = normalized.startsWith("*");
        boolean trailing = normalized.endsWith("*") && normalized.length() > 1;
        String core = normalized.substring(leading ? 1 : 0, normalized.length() - (trailing ? 1 : 0));
        if (core.isEmpty() || core.contains("*")) {
            throw new IllegalArgumentException("Not a lexicon word: '" + word + "'");
        }
        Kind kind = leading && trailing ? Kind.INFIX : leading ? Kind.SUFFIX : trailing ? Kind.PREFIX : Kind.EXACT;
        return new TermPattern(core, kind);
    }

    boolean matches(String token) {
        return switch (kind) {
            case EXACT -> token.equals(text);
            case PREFIX -> token.startsWith(text);
            case SUFFIX -> token.endsWith(text);
            case INFIX -> token.contains(text);
        };
    }
}
