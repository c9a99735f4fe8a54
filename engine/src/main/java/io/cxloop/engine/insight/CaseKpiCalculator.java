package io.cxloop.engine.insight;

import io.cxloop.engine.insight.ReportViews.CaseKpis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The case KPIs of a group of cases for a period, as managers read them (seed 003: backlog and performance against
 * targets per team and agent):
 *
 * <ul>
 *   <li>backlog: cases open now (whatever the period);
 *   <li>opened, closed: cases opened, closed in the period;
 *   <li>SLA compliance: among cases whose SLA fell due in the period and can be judged (answered, breached or past
 *       due), the % first contacted — or closed, if no contact was recorded — by the due time; a case flagged as
 *       breached is a miss even if contacted in time afterwards;
 *   <li>median time to first contact: over cases opened in the period and contacted (the median, not the mean, so a
 *       few forgotten cases do not hide the typical reaction time);
 *   <li>loop-closure rate: % of cases closed in the period whose follow-up survey showed an improvement;
 *   <li>reopened: cases reopened in the period because their follow-up showed no improvement.
 * </ul>
 */
final class CaseKpiCalculator {

    private CaseKpiCalculator() {}

    static CaseKpis kpis(String group, List<CaseFacts> cases, ReportPeriod period, Instant now) {
        long backlog = cases.stream().filter(CaseFacts::open).count();
        long opened = cases.stream().filter(c -> period.contains(c.openedAt())).count();
        List<CaseFacts> closed =
                cases.stream().filter(c -> period.contains(c.closedAt())).toList();
        long loopClosed = closed.stream()
                .filter(c -> CaseFacts.LOOP_CLOSED.equals(c.resolution()))
                .count();
        List<CaseFacts> due = cases.stream()
                .filter(c -> period.contains(c.slaDueAt()) && c.slaDecided(now))
                .toList();
        long met = due.stream().filter(CaseFacts::slaMet).count();
        List<Duration> toFirstContact = cases.stream()
                .filter(c -> period.contains(c.openedAt()) && c.firstContactAt() != null)
                .map(c -> Duration.between(c.openedAt(), c.firstContactAt()))
                .toList();
        Duration median = Metrics.median(toFirstContact);
        long reopened =
                cases.stream().filter(c -> period.contains(c.reopenedAt())).count();
        return new CaseKpis(
                group,
                backlog,
                opened,
                closed.size(),
                due.size(),
                met,
                Metrics.percent(met, due.size()),
                median == null ? null : median.toString(),
                Metrics.minutes(median),
                loopClosed,
                Metrics.percent(loopClosed, closed.size()),
                reopened);
    }
}
