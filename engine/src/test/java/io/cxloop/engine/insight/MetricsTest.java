package io.cxloop.engine.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void npsIsPercentPromotersMinusPercentDetractorsWithOneDecimal() {
        assertThat(Metrics.nps(5, 2, 10)).isEqualByComparingTo("30.0");
        assertThat(Metrics.nps(0, 3, 4)).isEqualByComparingTo("-75.0");
        // 4 of 6 promoters: 66.666… rounds half up
        assertThat(Metrics.nps(4, 0, 6)).isEqualTo(new BigDecimal("66.7"));
        // 1 promoter, 2 detractors of 3: -33.333…
        assertThat(Metrics.nps(1, 2, 3)).isEqualTo(new BigDecimal("-33.3"));
        assertThat(Metrics.nps(10, 0, 10)).isEqualByComparingTo("100");
        assertThat(Metrics.nps(0, 10, 10)).isEqualByComparingTo("-100");
    }

    @Test
    void noResponsesMeanNoScoreRatherThanZero() {
        assertThat(Metrics.nps(0, 0, 0)).isNull();
        assertThat(Metrics.percent(0, 0)).isNull();
    }

    @Test
    void percentRoundsHalfUp() {
        assertThat(Metrics.percent(1, 8)).isEqualTo(new BigDecimal("12.5"));
        assertThat(Metrics.percent(1, 16)).isEqualTo(new BigDecimal("6.3"));
        assertThat(Metrics.percent(2, 3)).isEqualTo(new BigDecimal("66.7"));
    }

    @Test
    void medianOfAnOddNumberOfValuesIsTheMiddleOne() {
        assertThat(Metrics.median(List.of(Duration.ofHours(3), Duration.ofMinutes(30), Duration.ofHours(1))))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void medianOfAnEvenNumberOfValuesIsTheMeanOfTheTwoMiddleOnes() {
        assertThat(Metrics.median(
                        List.of(Duration.ofHours(3), Duration.ofHours(1), Duration.ofDays(5), Duration.ofMinutes(10))))
                .isEqualTo(Duration.ofHours(2));
        assertThat(Metrics.median(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2))))
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void medianOfNothingIsUnknown() {
        assertThat(Metrics.median(List.of())).isNull();
        assertThat(Metrics.minutes(null)).isNull();
    }

    @Test
    void minutesHaveOneDecimal() {
        assertThat(Metrics.minutes(Duration.ofSeconds(90))).isEqualTo(new BigDecimal("1.5"));
        assertThat(Metrics.minutes(Duration.ofHours(2))).isEqualTo(new BigDecimal("120.0"));
    }
}
