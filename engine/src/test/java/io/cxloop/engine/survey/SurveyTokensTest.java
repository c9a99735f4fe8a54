package io.cxloop.engine.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurveyTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(14));

    private final SurveyTokens tokens = tokensAt(NOW, "survey-secret-0123456789");

    @Test
    void aGenuineTokenNamesItsSurveyUntilItExpires() {
        String token = tokens.tokenFor("survey-1", EXPIRES);

        assertThat(tokens.verify(token)).hasValueSatisfying(subject -> {
            assertThat(subject.surveyId()).isEqualTo("survey-1");
            assertThat(subject.expiresAt()).isEqualTo(EXPIRES);
            assertThat(subject.expired()).isFalse();
        });
        assertThat(tokensAt(EXPIRES, "survey-secret-0123456789").verify(token))
                .hasValueSatisfying(subject -> assertThat(subject.expired()).isTrue());
    }

    @Test
    void aTokenWithALaterExpiryOrAnotherSurveyIsRejected() {
        String token = tokens.tokenFor("survey-1", EXPIRES);
        String[] parts = token.split("\\.");

        String extended = parts[0] + "." + (EXPIRES.getEpochSecond() + 86_400) + "." + parts[2];
        String otherSurvey = tokens.tokenFor("survey-2", EXPIRES).split("\\.")[0] + "." + parts[1] + "." + parts[2];

        assertThat(tokens.verify(extended)).isEmpty();
        assertThat(tokens.verify(otherSurvey)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherSecretOrMalformedIsRejected() {
        String foreign = tokensAt(NOW, "another-secret-0123456789").tokenFor("survey-1", EXPIRES);

        assertThat(tokens.verify(foreign)).isEmpty();
        assertThat(tokens.verify("not-a-token")).isEmpty();
        assertThat(tokens.verify("a.b.c")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("x".repeat(1000))).isEmpty();
    }

    private static SurveyTokens tokensAt(Instant now, String secret) {
        return new SurveyTokens(
                new SurveyProperties(
                        secret,
                        URI.create("https://cx.shop.example"),
                        Duration.ofDays(14),
                        Set.of(),
                        Duration.ofDays(30),
                        null),
                Clock.fixed(now, ZoneOffset.UTC));
    }
}
