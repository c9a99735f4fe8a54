package io.cxloop.rules.feedback.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How comments and lexicon entries are turned into comparable tokens: lower case, umlauts and ß spelled out (so
 * "puenktlich" and "pünktlich" are the same word), English "n't" read as "not", and punctuation that ends a clause
 * kept as a token of its own.
 */
final class Text {

    /** A word, a number, or one of the punctuation marks that end a clause. */
    private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{N}]*|\\p{N}+|[.!?,;:…]");

    private static final Pattern NOT_CONTRACTION = Pattern.compile("n['’]t\\b");

    private Text() {}

    static List<String> tokens(String text) {
        String normalized = NOT_CONTRACTION.matcher(normalize(text)).replaceAll(" not");
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(normalized);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** Lower case with umlauts and ß spelled out; other accents are kept. */
    static String normalize(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'ä' -> out.append("ae");
                case 'ö' -> out.append("oe");
                case 'ü' -> out.append("ue");
                case 'ß' -> out.append("ss");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static boolean endsClause(String token) {
        return token.length() == 1 && ".!?,;:…".indexOf(token.charAt(0)) >= 0;
    }
}
