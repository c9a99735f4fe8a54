package io.cxloop.engine.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordGeneratorTest {

    private final PasswordGenerator generator = new PasswordGenerator();

    @Test
    void passwordsAreLongAndUseEveryKindOfCharacter() {
        for (int i = 0; i < 200; i++) {
            String password = generator.generate();
            assertThat(password).hasSize(PasswordGenerator.LENGTH);
            assertThat(password.chars()).allMatch(c -> PasswordGenerator.ALPHABET.indexOf(c) >= 0);
            assertThat(password)
                    .containsPattern("[a-z]")
                    .containsPattern("[A-Z]")
                    .containsPattern("[0-9]");
            assertThat(password.chars()).anyMatch(c -> PasswordGenerator.SYMBOLS.indexOf(c) >= 0);
        }
    }

    @Test
    void passwordsDoNotRepeat() {
        Set<String> passwords = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            passwords.add(generator.generate());
        }
        assertThat(passwords).hasSize(1_000);
    }

    @Test
    void noCharacterIsEasilyConfused() {
        assertThat(PasswordGenerator.ALPHABET).doesNotContain("0", "O", "1", "l", "I");
        assertThat(PasswordGenerator.ALPHABET.chars().distinct().count())
                .isEqualTo(PasswordGenerator.ALPHABET.length());
    }
}
