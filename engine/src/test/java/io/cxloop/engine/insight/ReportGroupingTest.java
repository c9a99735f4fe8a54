package io.cxloop.engine.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxloop.engine.web.InvalidFieldException;
import org.junit.jupiter.api.Test;

class ReportGroupingTest {

    @Test
    void aReportGroupsByWhatItsByParameterNamesAndByDefaultWithout() {
        assertThat(NpsGrouping.of("journeyStage")).isEqualTo(NpsGrouping.JOURNEY_STAGE);
        assertThat(NpsGrouping.of(null)).isEqualTo(NpsGrouping.TOUCHPOINT);
        assertThat(CaseGrouping.of("agent")).isEqualTo(CaseGrouping.AGENT);
        assertThat(CaseGrouping.of(" ")).isEqualTo(CaseGrouping.TEAM);
    }

    @Test
    void anUnknownGroupingNamesTheParameterAndTheChoices() {
        assertThatThrownBy(() -> CaseGrouping.of("touchpoint"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("must be one of team, agent, was 'touchpoint'");
        assertThatThrownBy(() -> NpsGrouping.of("region"))
                .hasMessageContaining("touchpoint, channel, journeyStage, segment");
    }
}
