package io.cxloop.engine.insight;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The JSON bodies of {@code /api/reports/*}. Percentages and NPS have one decimal; null means "no data". */
public final class ReportViews {

    private ReportViews() {}

    /**
     * NPS and counts of one group (or the total).
     *
     * @param responses NPS answers; {@code promoters} scored 9–10, {@code passives} 7–8, {@code detractors} 0–6
     * @param nps % promoters − % detractors, null without NPS answers
     * @param csat CSAT answers (1–5) and their average
     * @param ces CES answers (1–7) and their average
     */
    public record NpsRow(
            String group,
            long responses,
            long promoters,
            long passives,
            long detractors,
            BigDecimal nps,
            ScaleAverage csat,
            ScaleAverage ces) {}

    /** How many answers on a CSAT or CES scale, and their average score (two decimals, null without answers). */
    public record ScaleAverage(long responses, BigDecimal average) {}

    /**
     * @param by the grouping: touchpoint, channel, journeyStage or segment
     * @param followUpsExcluded always true: answers to follow-up surveys of a case are left out
     */
    public record NpsReport(
            Instant from, Instant to, String by, boolean followUpsExcluded, List<NpsRow> groups, NpsRow total) {}

    /** A topic or root-cause code, how often it occurs and its share in percent. */
    public record Driver(String code, long count, BigDecimal share) {}

    /**
     * What drives the detractors of one touchpoint.
     *
     * @param topics the top topics of their comments; share = % of the touchpoint's detractors mentioning it
     * @param casesWithRootCause their cases whose agent recorded a root cause
     * @param rootCauses the top root-cause codes; share = % of {@code casesWithRootCause}
     */
    public record TouchpointDrivers(
            String touchpoint,
            long detractors,
            List<Driver> topics,
            long casesWithRootCause,
            List<Driver> rootCauses) {}

    public record DetractorDriverReport(Instant from, Instant to, List<TouchpointDrivers> touchpoints) {}

    /**
     * One touchpoint in the priority ranking.
     *
     * @param responseShare % of all NPS answers given at this touchpoint
     * @param npsGap overall NPS − this touchpoint's NPS (positive: worse than average)
     * @param impact NPS points the overall NPS would gain if this touchpoint scored the overall NPS (two decimals)
     * @param detractorShare % of all detractors who rated this touchpoint
     */
    public record TouchpointPriority(
            int rank,
            String touchpoint,
            long responses,
            BigDecimal responseShare,
            BigDecimal nps,
            BigDecimal npsGap,
            BigDecimal impact,
            long detractors,
            BigDecimal detractorShare) {}

    /** @param method how {@code impact} is computed and the ranking ordered */
    public record TouchpointPriorityReport(
            Instant from,
            Instant to,
            String method,
            long responses,
            BigDecimal nps,
            List<TouchpointPriority> touchpoints) {}

    /**
     * Case KPIs of one team or agent (or the total).
     *
     * @param backlog cases open now, whatever the period
     * @param opened cases opened in the period
     * @param closed cases closed in the period (loop closed, not improved or unconfirmed)
     * @param slaDue cases whose SLA fell due in the period and is decided (contacted, closed, breached or past due)
     * @param slaMet of those, cases first contacted — or closed, without contact — by the due time and never breached
     * @param slaCompliance % slaMet of slaDue
     * @param medianTimeToFirstContact ISO-8601 duration from opening to first contact, median over cases opened in
     *     the period that were contacted
     * @param loopClosed closed cases whose follow-up survey showed an improvement
     * @param loopClosureRate % loopClosed of closed
     * @param reopened cases reopened in the period after a follow-up without improvement
     */
    public record CaseKpis(
            String group,
            long backlog,
            long opened,
            long closed,
            long slaDue,
            long slaMet,
            BigDecimal slaCompliance,
            String medianTimeToFirstContact,
            BigDecimal medianMinutesToFirstContact,
            long loopClosed,
            BigDecimal loopClosureRate,
            long reopened) {}

    /** @param by the grouping: team or agent */
    public record CaseKpiReport(Instant from, Instant to, String by, List<CaseKpis> groups, CaseKpis total) {}
}
