package io.cxloop.engine.security.internal;

import java.security.SecureRandom;

/**
 * Strong random passwords: 24 characters out of 63 (about 143 bits), always with a lower-case and an upper-case
 * letter, a digit and a symbol so that Camunda's password policy accepts them when it is switched on. Characters
 * that are easily confused ({@code 0O1lI}) and symbols that need quoting in a shell are left out.
 */
public final class PasswordGenerator {

    static final int LENGTH = 24;
    static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String DIGITS = "23456789";
    static final String SYMBOLS = "-_.+=@";
    static final String ALPHABET = LOWER + UPPER + DIGITS + SYMBOLS;

    private final SecureRandom random;

    public PasswordGenerator() {
        this(new SecureRandom());
    }

    PasswordGenerator(SecureRandom random) {
        this.random = random;
    }

    public String generate() {
        while (true) {
            char[] password = new char[LENGTH];
            for (int i = 0; i < LENGTH; i++) {
                password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            String candidate = new String(password);
            if (containsAny(candidate, LOWER)
                    && containsAny(candidate, UPPER)
                    && containsAny(candidate, DIGITS)
                    && containsAny(candidate, SYMBOLS)) {
                return candidate;
            }
        }
    }

    private static boolean containsAny(String candidate, String characters) {
        return candidate.chars().anyMatch(c -> characters.indexOf(c) >= 0);
    }
}
