package io.cxloop.engine.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxloop.engine.web.InvalidFieldException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    static final Instant NOW = Instant.parse("2031-02-20T12:00:00Z");

    @Test
    void withoutBoundsTheLastThirtyDaysUpToNow() {
        assertThat(ReportPeriod.of(null, "", NOW))
                .isEqualTo(new ReportPeriod(Instant.parse("2031-01-21T12:00:00Z"), NOW));
    }

    @Test
    void datesAreUtcDaysAndTheEndDateIsIncluded() {
        assertThat(ReportPeriod.of("2031-02-03", "2031-02-05", NOW))
                .isEqualTo(
                        new ReportPeriod(Instant.parse("2031-02-03T00:00:00Z"), Instant.parse("2031-02-06T00:00:00Z")));
    }

    @Test
    void instantsAreTakenAsGivenAndTheEndIsExcluded() {
        ReportPeriod period = ReportPeriod.of("2031-02-03T10:00:00Z", "2031-02-03T12:00:00+01:00", NOW);

        assertThat(period.from()).isEqualTo(Instant.parse("2031-02-03T10:00:00Z"));
        assertThat(period.contains(Instant.parse("2031-02-03T09:59:59Z"))).isFalse();
        assertThat(period.contains(Instant.parse("2031-02-03T10:00:00Z"))).isTrue();
        assertThat(period.contains(Instant.parse("2031-02-03T10:59:59.999Z"))).isTrue();
        assertThat(period.contains(Instant.parse("2031-02-03T11:00:00Z"))).isFalse();
        assertThat(period.contains(null)).isFalse();
    }

    @Test
    void onlyAStartRunsToNow() {
        assertThat(ReportPeriod.of("2031-02-01", null, NOW).to()).isEqualTo(NOW);
    }

    @Test
    void unreadableValuesAreRejectedByName() {
        assertThatThrownBy(() -> ReportPeriod.of("yesterday", null, NOW))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> ReportPeriod.of(null, "2031-13-01", NOW))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void aStartAfterTheEndIsRejected() {
        assertThatThrownBy(() -> ReportPeriod.of("2031-02-05", "2031-02-03", NOW))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("from"));
    }
}
