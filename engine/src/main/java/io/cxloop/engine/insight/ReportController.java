package io.cxloop.engine.insight;

import io.cxloop.engine.insight.ReportViews.CaseKpiReport;
import io.cxloop.engine.insight.ReportViews.DetractorDriverReport;
import io.cxloop.engine.insight.ReportViews.NpsReport;
import io.cxloop.engine.insight.ReportViews.TouchpointPriorityReport;
import io.cxloop.engine.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports for analysts and managers. Every report covers a period {@code [from, to)} of ISO-8601 instants or dates
 * (default: the last 30 days); feedback counts in the period it occurred in.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "NPS, detractor drivers, touchpoint priorities and case KPIs for a period")
public class ReportController {

    private static final String FROM =
            "Start of the period (ISO instant or date, inclusive); default: 30 days before to";
    private static final String TO = "End of the period (ISO instant, exclusive, or date, inclusive); default: now";
    private static final int MAX_TOP = 50;

    private final ReportService reports;
    private final UpliftReports uplift;

    public ReportController(ReportService reports, UpliftReports uplift) {
        this.reports = reports;
        this.uplift = uplift;
    }

    @GetMapping("/nps")
    @Operation(
            summary = "NPS and counts per touchpoint, channel, journey stage or customer segment",
            description = "NPS = % promoters (9-10) - % detractors (0-6) of NPS answers; CSAT and CES answers are"
                    + " counted with their average score. Answers to follow-up surveys of cases are excluded.")
    public NpsReport nps(
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to,
            @Parameter(description = "touchpoint (default), channel, journeyStage or segment")
                    @RequestParam(required = false)
                    String by) {
        return reports.nps(reports.period(from, to), by);
    }

    @GetMapping("/detractor-drivers")
    @Operation(summary = "Per touchpoint: the top topics of detractors' comments and root causes of their cases")
    public DetractorDriverReport detractorDrivers(
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to,
            @Parameter(description = "How many topics and root causes per touchpoint, 1-50 (default 5)")
                    @RequestParam(required = false)
                    String top) {
        return reports.detractorDrivers(reports.period(from, to), top(top));
    }

    @GetMapping("/touchpoint-priority")
    @Operation(
            summary = "Touchpoints ranked by their impact on the overall NPS",
            description = TouchpointRanking.METHOD)
    public TouchpointPriorityReport touchpointPriority(
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to) {
        return reports.touchpointPriority(reports.period(from, to));
    }

    @GetMapping("/uplift")
    @Operation(
            summary = "Conversion of treated versus held-out (control) customers of a reconnect trigger or of a"
                    + " catalogue offer, with the uplift and its 95 % confidence interval",
            description = "trigger=: campaigns that started in the period and have ended, whose rules chose to"
                    + " contact the customer; control customers are held out by the trigger's controlShare."
                    + " offer=: decisions of the period that chose the offer and have an outcome (a campaign's, or"
                    + " one reported to /api/decisions/{id}/outcome); control customers are held out by the offer's"
                    + " controlShare. "
                    + Uplift.METHOD
                    + ". A note says when the groups are too small.")
    public UpliftReport uplift(
            @Parameter(description = "The trigger's key, e.g. cart-abandoned") @RequestParam(required = false)
                    String trigger,
            @Parameter(description = "A catalogue offer's id, instead of a trigger") @RequestParam(required = false)
                    String offer,
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to) {
        return uplift.uplift(trigger, offer, reports.period(from, to));
    }

    @GetMapping("/case-kpis")
    @Operation(
            summary = "Backlog, SLA compliance, median time to first contact and loop-closure rate per team or agent")
    public CaseKpiReport caseKpis(
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to,
            @Parameter(description = "team (default) or agent") @RequestParam(required = false) String by) {
        return reports.caseKpis(reports.period(from, to), by);
    }

    private static int top(String value) {
        if (value == null || value.isBlank()) {
            return 5;
        }
        try {
            int top = Integer.parseInt(value.strip());
            if (top >= 1 && top <= MAX_TOP) {
                return top;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldException("top", "must be a whole number from 1 to " + MAX_TOP + ", was '" + value + "'");
    }
}
