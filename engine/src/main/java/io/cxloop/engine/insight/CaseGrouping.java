package io.cxloop.engine.insight;

/**
 * How the case KPIs group cases: by the team triage assigned (also after escalation to another group), or by the
 * agent currently assigned ({@code UNKNOWN} for unclaimed cases).
 */
enum CaseGrouping implements ReportGrouping {
    TEAM("team", "k.team"),
    AGENT("agent", "k.assignee");

    private final String parameter;
    private final String column;

    CaseGrouping(String parameter, String column) {
        this.parameter = parameter;
        this.column = column;
    }

    @Override
    public String parameter() {
        return parameter;
    }

    @Override
    public String column() {
        return column;
    }

    /** The grouping named by the {@code by} parameter; team when absent. */
    static CaseGrouping of(String by) {
        return ReportGrouping.of(CaseGrouping.class, by, TEAM);
    }
}
