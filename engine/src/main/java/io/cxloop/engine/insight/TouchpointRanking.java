package io.cxloop.engine.insight;

import io.cxloop.engine.insight.ReportViews.TouchpointPriority;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks touchpoints by their impact on the overall NPS (seed 004: "a priorisation of the touchpoints that matter
 * most from the customer's point of view").
 *
 * <p>The overall NPS is the response-weighted mean of the touchpoints' NPS. If touchpoint {@code t}, with {@code n}
 * of all {@code N} NPS answers, scored the current overall NPS instead of its own, the overall NPS would change by
 *
 * <pre>impact(t) = (NPS − NPS(t)) × n / N  =  100 × ((P − D) × n − (p − d) × N) / N²</pre>
 *
 * <p>({@code P}, {@code D}: all promoters and detractors; {@code p}, {@code d}: those of {@code t}). So impact is how
 * many NPS points fixing {@code t} up to average is worth: it grows with how much worse {@code t} is and with how many
 * customers meet it; touchpoints better than average have a negative impact. The ranking is by impact (computed
 * exactly on the counts), then by number of detractors, then by name.
 */
final class TouchpointRanking {

    static final String METHOD = "impact = (overall NPS - touchpoint NPS) x touchpoint responses / all responses: the"
            + " NPS points the overall NPS would gain if the touchpoint scored the current overall NPS. Ranked by"
            + " impact, then by detractors. NPS answers only; answers to follow-up surveys of cases are excluded.";

    private TouchpointRanking() {}

    static List<TouchpointPriority> rank(List<NpsCounts> touchpoints) {
        NpsCounts all = touchpoints.stream().reduce(NpsCounts.NONE, NpsCounts::plus);
        long n = all.responses();
        long net = all.promoters() - all.detractors();
        record Scored(NpsCounts counts, long impactNumerator) {}
        List<Scored> scored = new ArrayList<>();
        for (NpsCounts t : touchpoints) {
            if (t.responses() > 0) {
                scored.add(new Scored(t, net * t.responses() - (t.promoters() - t.detractors()) * n));
            }
        }
        scored.sort(Comparator.comparingLong(Scored::impactNumerator)
                .reversed()
                .thenComparing(s -> s.counts().detractors(), Comparator.reverseOrder())
                .thenComparing(s -> s.counts().group()));
        BigDecimal overall = exactNps(all);
        List<TouchpointPriority> ranking = new ArrayList<>();
        for (Scored s : scored) {
            NpsCounts t = s.counts();
            ranking.add(new TouchpointPriority(
                    ranking.size() + 1,
                    t.group(),
                    t.responses(),
                    Metrics.percent(t.responses(), n),
                    Metrics.nps(t.promoters(), t.detractors(), t.responses()),
                    overall.subtract(exactNps(t)).setScale(1, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(100 * s.impactNumerator())
                            .divide(BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(n)), 2, RoundingMode.HALF_UP),
                    t.detractors(),
                    Metrics.percent(t.detractors(), all.detractors())));
        }
        return ranking;
    }

    private static BigDecimal exactNps(NpsCounts counts) {
        return Metrics.ratio(100 * (counts.promoters() - counts.detractors()), counts.responses(), 10);
    }
}
