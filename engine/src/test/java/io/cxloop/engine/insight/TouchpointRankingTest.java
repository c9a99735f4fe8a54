package io.cxloop.engine.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.engine.insight.ReportViews.TouchpointPriority;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TouchpointRankingTest {

    /** Web shop NPS 30 (10 answers), call center -75 (4), store 66.7 (6): overall 9 promoters, 5 detractors of 20. */
    static final List<NpsCounts> THREE_TOUCHPOINTS =
            List.of(counts("WEB_SHOP", 10, 5, 2), counts("CALL_CENTER", 4, 0, 3), counts("STORE", 6, 4, 0));

    @Test
    void theTouchpointThatCostsTheMostNpsPointsComesFirst() {
        List<TouchpointPriority> ranking = TouchpointRanking.rank(THREE_TOUCHPOINTS);

        assertThat(ranking)
                .extracting(TouchpointPriority::touchpoint)
                .containsExactly("CALL_CENTER", "WEB_SHOP", "STORE");
        assertThat(ranking).extracting(TouchpointPriority::rank).containsExactly(1, 2, 3);
        // (20 - (-75)) x 4 / 20 = 19 points
        TouchpointPriority callCenter = ranking.get(0);
        assertThat(callCenter.impact()).isEqualTo(new BigDecimal("19.00"));
        assertThat(callCenter.npsGap()).isEqualTo(new BigDecimal("95.0"));
        assertThat(callCenter.nps()).isEqualTo(new BigDecimal("-75.0"));
        assertThat(callCenter.responseShare()).isEqualTo(new BigDecimal("20.0"));
        assertThat(callCenter.detractorShare()).isEqualTo(new BigDecimal("60.0"));
        // (20 - 30) x 10 / 20 = -5
        assertThat(ranking.get(1).impact()).isEqualTo(new BigDecimal("-5.00"));
        // (20 - 66.67) x 6 / 20 = -14
        assertThat(ranking.get(2).impact()).isEqualTo(new BigDecimal("-14.00"));
        assertThat(ranking.get(2).npsGap()).isEqualTo(new BigDecimal("-46.7"));
        assertThat(ranking.get(2).detractorShare()).isEqualTo(new BigDecimal("0.0"));
    }

    @Test
    void impactsAddUpToZeroBecauseTheOverallNpsIsTheWeightedMeanOfTheTouchpoints() {
        List<TouchpointPriority> ranking = TouchpointRanking.rank(
                List.of(counts("APP", 7, 2, 3), counts("SMS", 3, 1, 1), counts("DELIVERY", 11, 6, 2)));

        BigDecimal sum = ranking.stream().map(TouchpointPriority::impact).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum.abs()).isLessThanOrEqualTo(new BigDecimal("0.02"));
    }

    @Test
    void atEqualImpactTheTouchpointWithMoreDetractorsComesFirst() {
        // both score the overall NPS exactly: impact 0
        List<TouchpointPriority> ranking =
                TouchpointRanking.rank(List.of(counts("APP", 2, 1, 1), counts("STORE", 4, 2, 2)));

        assertThat(ranking).extracting(TouchpointPriority::touchpoint).containsExactly("STORE", "APP");
        assertThat(ranking)
                .extracting(TouchpointPriority::impact)
                .containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
    }

    @Test
    void noAnswersNoRanking() {
        assertThat(TouchpointRanking.rank(List.of())).isEmpty();
    }

    static NpsCounts counts(String touchpoint, long responses, long promoters, long detractors) {
        return new NpsCounts(touchpoint, responses, promoters, responses - promoters - detractors, detractors, 0);
    }
}
