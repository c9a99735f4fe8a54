package io.cxloop.engine.insight;

import io.cxloop.engine.insight.ReportRepository.RootCauseCount;
import io.cxloop.engine.insight.ReportRepository.TopicCounts;
import io.cxloop.engine.insight.ReportViews.CaseKpiReport;
import io.cxloop.engine.insight.ReportViews.CaseKpis;
import io.cxloop.engine.insight.ReportViews.DetractorDriverReport;
import io.cxloop.engine.insight.ReportViews.Driver;
import io.cxloop.engine.insight.ReportViews.NpsReport;
import io.cxloop.engine.insight.ReportViews.NpsRow;
import io.cxloop.engine.insight.ReportViews.ScaleAverage;
import io.cxloop.engine.insight.ReportViews.TouchpointDrivers;
import io.cxloop.engine.insight.ReportViews.TouchpointPriorityReport;
import io.cxloop.rules.feedback.ScoreType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The analyst's and manager's reports on feedback and cases (seed 003 and 004); read-only. */
@Service
public class ReportService {

    private final ReportRepository repository;
    private final Clock clock;

    ReportService(ReportRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The period of a request, ending now unless given (see {@link ReportPeriod#of}). */
    public ReportPeriod period(String from, String to) {
        return ReportPeriod.of(from, to, clock.instant());
    }

    /**
     * NPS and counts per group. Only NPS answers make the NPS; CSAT and CES answers are counted per group with their
     * average score, since their scales cannot be mixed into an NPS.
     */
    @Transactional(readOnly = true)
    public NpsReport nps(ReportPeriod period, String by) {
        NpsGrouping grouping = NpsGrouping.of(by);
        Map<ScoreType, List<NpsCounts>> counts = repository.countsBy(grouping, period);
        TreeSet<String> groups = counts.values().stream()
                .flatMap(List::stream)
                .map(NpsCounts::group)
                .collect(Collectors.toCollection(TreeSet::new));
        List<NpsRow> rows = new ArrayList<>();
        for (String group : groups) {
            rows.add(row(group, type -> counts.get(type).stream()
                    .filter(c -> c.group().equals(group))
                    .reduce(NpsCounts.NONE, NpsCounts::plus)));
        }
        NpsRow total = row("TOTAL", type -> counts.get(type).stream().reduce(NpsCounts.NONE, NpsCounts::plus));
        return new NpsReport(period.from(), period.to(), grouping.parameter(), true, rows, total);
    }

    /**
     * Per touchpoint, what its detractors complain about: the top topics of their comments and the top root causes
     * agents recorded on their cases. Detractors here are all feedback the engine classed as such (NPS 0–6, CSAT 1–2,
     * CES 1–3), the same that open cases.
     */
    @Transactional(readOnly = true)
    public DetractorDriverReport detractorDrivers(ReportPeriod period, int top) {
        Map<String, TopicCounts> topics = repository.detractorTopics(period);
        Map<String, List<RootCauseCount>> rootCauses = repository.detractorRootCauses(period).stream()
                .collect(Collectors.groupingBy(RootCauseCount::touchpoint, TreeMap::new, Collectors.toList()));
        List<TouchpointDrivers> result = new ArrayList<>();
        for (TopicCounts touchpoint : topics.values()) {
            List<RootCauseCount> causes = rootCauses.getOrDefault(touchpoint.touchpoint(), List.of());
            long withRootCause =
                    causes.stream().mapToLong(RootCauseCount::cases).sum();
            result.add(new TouchpointDrivers(
                    touchpoint.touchpoint(),
                    touchpoint.detractors(),
                    top(
                            touchpoint.mentions().entrySet().stream()
                                    .filter(e -> e.getValue() > 0)
                                    .map(e -> new Driver(
                                            e.getKey(),
                                            e.getValue(),
                                            Metrics.percent(e.getValue(), touchpoint.detractors())))
                                    .toList(),
                            top),
                    withRootCause,
                    top(
                            causes.stream()
                                    .map(c -> new Driver(
                                            c.rootCause(), c.cases(), Metrics.percent(c.cases(), withRootCause)))
                                    .toList(),
                            top)));
        }
        return new DetractorDriverReport(period.from(), period.to(), result);
    }

    /** The touchpoint priority ranking; see {@link TouchpointRanking} for the formula. */
    @Transactional(readOnly = true)
    public TouchpointPriorityReport touchpointPriority(ReportPeriod period) {
        List<NpsCounts> touchpoints =
                repository.countsBy(NpsGrouping.TOUCHPOINT, period).get(ScoreType.NPS);
        NpsCounts all = touchpoints.stream().reduce(NpsCounts.NONE, NpsCounts::plus);
        return new TouchpointPriorityReport(
                period.from(),
                period.to(),
                TouchpointRanking.METHOD,
                all.responses(),
                Metrics.nps(all.promoters(), all.detractors(), all.responses()),
                TouchpointRanking.rank(touchpoints));
    }

    /** Case KPIs per team or agent and in total; see {@link CaseKpiCalculator} for each KPI. */
    @Transactional(readOnly = true)
    public CaseKpiReport caseKpis(ReportPeriod period, String by) {
        CaseGrouping grouping = CaseGrouping.of(by);
        List<CaseFacts> cases = repository.cases(grouping, period);
        var now = clock.instant();
        List<CaseKpis> groups = cases.stream()
                .collect(Collectors.groupingBy(CaseFacts::group, TreeMap::new, Collectors.toList()))
                .entrySet()
                .stream()
                .map(e -> CaseKpiCalculator.kpis(e.getKey(), e.getValue(), period, now))
                .toList();
        return new CaseKpiReport(
                period.from(),
                period.to(),
                grouping.parameter(),
                groups,
                CaseKpiCalculator.kpis("TOTAL", cases, period, now));
    }

    private static NpsRow row(String group, java.util.function.Function<ScoreType, NpsCounts> countsOf) {
        NpsCounts nps = countsOf.apply(ScoreType.NPS);
        return new NpsRow(
                group,
                nps.responses(),
                nps.promoters(),
                nps.passives(),
                nps.detractors(),
                Metrics.nps(nps.promoters(), nps.detractors(), nps.responses()),
                average(countsOf.apply(ScoreType.CSAT)),
                average(countsOf.apply(ScoreType.CES)));
    }

    private static ScaleAverage average(NpsCounts counts) {
        return new ScaleAverage(counts.responses(), Metrics.ratio(counts.scoreSum(), counts.responses(), 2));
    }

    /** The most frequent drivers first, ties by code. */
    private static List<Driver> top(List<Driver> drivers, int top) {
        return drivers.stream()
                .sorted(Comparator.comparingLong(Driver::count).reversed().thenComparing(Driver::code))
                .limit(top)
                .toList();
    }
}
