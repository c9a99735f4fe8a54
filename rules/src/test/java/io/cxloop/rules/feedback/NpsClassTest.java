package io.cxloop.rules.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpsClassTest {

    @ParameterizedTest(name = "{0} {1} is a {2}")
    @CsvSource({
        "NPS, 0, DETRACTOR",
        "NPS, 6, DETRACTOR",
        "NPS, 7, PASSIVE",
        "NPS, 8, PASSIVE",
        "NPS, 9, PROMOTER",
        "NPS, 10, PROMOTER",
        "CSAT, 1, DETRACTOR",
        "CSAT, 2, DETRACTOR",
        "CSAT, 3, PASSIVE",
        "CSAT, 4, PROMOTER",
        "CSAT, 5, PROMOTER",
        "CES, 1, DETRACTOR",
        "CES, 3, DETRACTOR",
        "CES, 4, PASSIVE",
        "CES, 5, PASSIVE",
        "CES, 6, PROMOTER",
        "CES, 7, PROMOTER",
    })
    void scoresFallIntoTheirClassOnEveryScale(ScoreType type, int score, NpsClass expected) {
        assertThat(type.accepts(score)).isTrue();
        assertThat(NpsClass.of(type, score)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} is out of range")
    @CsvSource({"NPS, -1", "NPS, 11", "CSAT, 0", "CSAT, 6", "CES, 0", "CES, 8"})
    void scoresOutsideTheScaleAreRejectedNamingTheRange(ScoreType type, int score) {
        assertThat(type.accepts(score)).isFalse();
        assertThatThrownBy(() -> NpsClass.of(type, score))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A %s score must be between %d and %d, was %d", type, type.min(), type.max(), score);
    }
}
