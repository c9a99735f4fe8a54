package io.cxloop.engine.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxloop.engine.insight.Uplift.Interval;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UpliftTest {

    private static final ReportPeriod PERIOD =
            new ReportPeriod(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));

    /** Newcombe (1998), Statistics in Medicine 17:873-890, table II, method 10, examples (a) and (b). */
    @Test
    void newcombesHybridScoreIntervalReproducesThePublishedExamples() {
        Interval a = Uplift.newcombe(56, 70, 48, 80);
        assertThat(a.lower()).isCloseTo(0.0524, within(0.00005));
        assertThat(a.upper()).isCloseTo(0.3339, within(0.00005));

        Interval b = Uplift.newcombe(9, 10, 3, 10);
        assertThat(b.lower()).isCloseTo(0.1705, within(0.00005));
        assertThat(b.upper()).isCloseTo(0.8090, within(0.00005));
    }

    @Test
    void theWilsonIntervalStaysWithinZeroAndOne() {
        Interval none = Uplift.wilson(0, 12);
        assertThat(none.lower()).isCloseTo(0, within(1e-12));
        assertThat(none.upper()).isCloseTo(0.2425, within(0.0001));
        Interval all = Uplift.wilson(12, 12);
        assertThat(all.upper()).isCloseTo(1, within(1e-12));
        assertThat(all.lower()).isCloseTo(0.7575, within(0.0001));
    }

    @Test
    void largeEnoughGroupsGetNoNote() {
        UpliftReport report = UpliftReport.of("t", PERIOD, 70, 56, 80, 48, 3);

        assertThat(report.treated().conversionRate()).isEqualTo(0.8);
        assertThat(report.control().conversionRate()).isEqualTo(0.6);
        assertThat(report.absoluteUplift()).isCloseTo(0.2, within(1e-12));
        assertThat(report.sufficientSample()).isTrue();
        assertThat(report.note()).isNull();
        assertThat(report.running()).isEqualTo(3);
    }

    @Test
    void smallOrOneSidedGroupsSaySo() {
        UpliftReport small = UpliftReport.of("t", PERIOD, 40, 20, 29, 10, 0);
        assertThat(small.sufficientSample()).isFalse();
        assertThat(small.note()).startsWith("Samples too small");
        assertThat(small.confidenceInterval95()).isNotNull();

        UpliftReport fewConversions = UpliftReport.of("t", PERIOD, 40, 4, 40, 10, 0);
        assertThat(fewConversions.sufficientSample()).isFalse();

        UpliftReport noControl = UpliftReport.of("t", PERIOD, 40, 20, 0, 0, 0);
        assertThat(noControl.absoluteUplift()).isNull();
        assertThat(noControl.confidenceInterval95()).isNull();
        assertThat(noControl.control().conversionRate()).isNull();
        assertThat(noControl.note()).contains("no control campaign").contains("controlShare");
    }
}
