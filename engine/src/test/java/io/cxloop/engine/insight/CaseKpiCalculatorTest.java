package io.cxloop.engine.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.engine.insight.ReportViews.CaseKpis;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseKpiCalculatorTest {

    static final ReportPeriod FEBRUARY = ReportPeriod.of("2031-02-01", "2031-02-28", Instant.EPOCH);
    static final Instant NOW = Instant.parse("2031-02-20T12:00:00Z");

    @Test
    void aCaseContactedBeforeItsDueTimeMeetsTheSla() {
        CaseKpis kpis = kpis(closedCase("02-03T08:00", "02-03T09:00", "02-03T12:00", false, "LOOP_CLOSED"));

        assertThat(kpis.slaDue()).isEqualTo(1);
        assertThat(kpis.slaMet()).isEqualTo(1);
        assertThat(kpis.slaCompliance()).isEqualTo(new BigDecimal("100.0"));
        assertThat(kpis.medianTimeToFirstContact()).isEqualTo("PT1H");
        assertThat(kpis.loopClosureRate()).isEqualTo(new BigDecimal("100.0"));
    }

    @Test
    void aBreachedCaseMissesTheSlaEvenIfTheContactCameInTime() {
        CaseKpis kpis = kpis(closedCase("02-03T08:00", "02-03T09:00", "02-03T12:00", true, "LOOP_CLOSED"));

        assertThat(kpis.slaMet()).isZero();
        assertThat(kpis.slaCompliance()).isEqualTo(new BigDecimal("0.0"));
    }

    @Test
    void aCaseClosedWithoutContactIsJudgedByItsClosure() {
        CaseFacts closedInTime = new CaseFacts(
                "t", false, at("02-03T08:00"), null, at("02-03T09:00"), at("02-03T10:00"), false, "LOOP_CLOSED", null);
        CaseFacts closedLate = new CaseFacts(
                "t", false, at("02-03T08:00"), null, at("02-03T11:00"), at("02-03T10:00"), false, "UNCONFIRMED", null);

        CaseKpis kpis = kpis(closedInTime, closedLate);

        assertThat(kpis.slaDue()).isEqualTo(2);
        assertThat(kpis.slaMet()).isEqualTo(1);
        assertThat(kpis.medianTimeToFirstContact()).isNull();
        assertThat(kpis.loopClosed()).isEqualTo(1);
        assertThat(kpis.loopClosureRate()).isEqualTo(new BigDecimal("50.0"));
    }

    @Test
    void anUncontactedCaseIsJudgedOnlyOnceItsDueTimeHasPassed() {
        CaseFacts overdue = openCase("02-19T08:00", "02-19T12:00");
        CaseFacts notYetDue = openCase("02-20T10:00", "02-20T14:00");

        CaseKpis kpis = kpis(overdue, notYetDue);

        assertThat(kpis.backlog()).isEqualTo(2);
        assertThat(kpis.opened()).isEqualTo(2);
        assertThat(kpis.slaDue()).isEqualTo(1);
        assertThat(kpis.slaMet()).isZero();
        assertThat(kpis.closed()).isZero();
        assertThat(kpis.loopClosureRate()).isNull();
    }

    @Test
    void onlyWhatHappenedInThePeriodCountsExceptTheBacklog() {
        CaseFacts january = closedCase("01-10T08:00", "01-10T09:00", "01-10T12:00", false, "LOOP_CLOSED");
        CaseFacts openSinceJanuary = openCase("01-20T08:00", "01-20T12:00");
        CaseFacts reopenedInFebruary = new CaseFacts(
                "t",
                true,
                at("01-25T08:00"),
                at("01-25T09:00"),
                null,
                at("02-05T12:00"),
                false,
                null,
                at("02-04T08:00"));

        CaseKpis kpis = kpis(january, openSinceJanuary, reopenedInFebruary);

        assertThat(kpis.backlog()).isEqualTo(2);
        assertThat(kpis.opened()).isZero();
        assertThat(kpis.closed()).isZero();
        assertThat(kpis.reopened()).isEqualTo(1);
        // the reopened case's new due time falls in February; its first contact was in time
        assertThat(kpis.slaDue()).isEqualTo(1);
        assertThat(kpis.medianTimeToFirstContact()).isNull();
    }

    @Test
    void theMedianTimeToFirstContactIgnoresOneForgottenCase() {
        CaseKpis kpis = kpis(
                closedCase("02-03T08:00", "02-03T08:30", "02-03T12:00", false, "LOOP_CLOSED"),
                closedCase("02-03T08:00", "02-03T09:00", "02-03T12:00", false, "LOOP_CLOSED"),
                closedCase("02-03T08:00", "02-13T08:00", "02-03T12:00", true, "NOT_IMPROVED"));

        assertThat(kpis.medianTimeToFirstContact()).isEqualTo("PT1H");
        assertThat(kpis.medianMinutesToFirstContact()).isEqualTo(new BigDecimal("60.0"));
        assertThat(kpis.slaCompliance()).isEqualTo(new BigDecimal("66.7"));
        assertThat(kpis.loopClosureRate()).isEqualTo(new BigDecimal("66.7"));
    }

    private static CaseKpis kpis(CaseFacts... cases) {
        return CaseKpiCalculator.kpis("t", List.of(cases), FEBRUARY, NOW);
    }

    private static CaseFacts closedCase(
            String opened, String firstContact, String due, boolean breached, String resolution) {
        Instant contact = at(firstContact);
        return new CaseFacts(
                "t", false, at(opened), contact, contact.plusSeconds(3600), at(due), breached, resolution, null);
    }

    private static CaseFacts openCase(String opened, String due) {
        return new CaseFacts("t", true, at(opened), null, null, at(due), false, null, null);
    }

    private static Instant at(String monthDayTime) {
        return Instant.parse("2031-" + monthDayTime + ":00Z");
    }
}
