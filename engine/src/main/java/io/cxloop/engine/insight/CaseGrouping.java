package io.cxloop.engine.insight;

import io.cxloop.engine.web.InvalidFieldException;

/**
 * How the case KPIs group cases: by the team triage assigned (also after escalation to another group), or by the
 * agent currently assigned ({@code UNKNOWN} for unclaimed cases).
 */
enum CaseGrouping {
    TEAM("team", "k.team"),
    AGENT("agent", "k.assignee");

    private final String parameter;
    private final String column;

    CaseGrouping(String parameter, String column) {
        this.parameter = parameter;
        this.column = column;
    }

    String parameter() {
        return parameter;
    }

    String column() {
        return column;
    }

    /** The grouping named by the {@code by} parameter; team when absent. */
    static CaseGrouping of(String by) {
        if (by == null || by.isBlank()) {
            return TEAM;
        }
        for (CaseGrouping grouping : values()) {
            if (grouping.parameter.equals(by)) {
                return grouping;
            }
        }
        throw new InvalidFieldException("by", "must be team or agent, was '" + by + "'");
    }
}
