package io.cxloop.rules.triage.internal;

import io.cxloop.rules.triage.Severity;
import io.cxloop.rules.triage.TriageAction;
import io.cxloop.rules.triage.TriageDecision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the triage rows proposed in one session. Each matching row fills one proposal, column by column, under its
 * rule name; the most severe proposal decides, and among equally severe ones the first that fired (the rows fire in
 * table order). The rule set reaches it as the global {@value #GLOBAL_NAME}. One instance per decision; not
 * thread-safe.
 */
public final class TriageCollector {

    /** The global every triage rule set must declare with this type. */
    public static final String GLOBAL_NAME = "decision";

    private final Map<String, Proposal> proposals = new LinkedHashMap<>();

    /** The proposal of a row, created when the row's first action column runs. */
    public Proposal row(String ruleName) {
        return proposals.computeIfAbsent(ruleName, Proposal::new);
    }

    /**
     * The decision: the most severe proposal, the rows that matched, deciding row first.
     *
     * @throws IllegalStateException if no row matched or the deciding row misses a column
     */
    public TriageDecision toDecision(String ruleSetVersion) {
        Proposal winner = null;
        for (Proposal proposal : proposals.values()) {
            // strictly more severe: among equals, the row that fired first (higher in the table) stays
            if (winner == null || proposal.severityOrLowest().compareTo(winner.severityOrLowest()) > 0) {
                winner = proposal;
            }
        }
        if (winner == null) {
            throw new IllegalStateException("No row of triage rule set " + ruleSetVersion
                    + " matched; every NPS class needs a row without other conditions");
        }
        winner.requireComplete(ruleSetVersion);
        List<String> firedRules = new ArrayList<>();
        firedRules.add(winner.rule);
        for (Proposal proposal : proposals.values()) {
            if (proposal != winner) {
                firedRules.add(proposal.rule);
            }
        }
        return new TriageDecision(
                winner.severity, winner.team, winner.slaHours, winner.action, firedRules, ruleSetVersion);
    }

    /** One row's proposal; the table's action columns set its parts. */
    public static final class Proposal {

        private final String rule;
        private Severity severity;
        private String team;
        private Integer slaHours;
        private TriageAction action;

        Proposal(String rule) {
            this.rule = rule;
        }

        public Proposal severity(Severity severity) {
            this.severity = Objects.requireNonNull(severity, "severity");
            return this;
        }

        public Proposal team(String team) {
            this.team = team == null || team.isBlank() ? null : team.strip();
            return this;
        }

        public Proposal slaHours(int slaHours) {
            if (slaHours < 0) {
                throw new IllegalArgumentException("Row '" + rule + "': SLA hours must not be negative: " + slaHours);
            }
            this.slaHours = slaHours;
            return this;
        }

        public Proposal action(TriageAction action) {
            this.action = Objects.requireNonNull(action, "action");
            return this;
        }

        private Severity severityOrLowest() {
            return severity == null ? Severity.LOW : severity;
        }

        private void requireComplete(String ruleSetVersion) {
            List<String> missing = new ArrayList<>();
            if (severity == null) {
                missing.add("severity");
            }
            if (team == null) {
                missing.add("team");
            }
            if (slaHours == null) {
                missing.add("SLA hours");
            }
            if (action == null) {
                missing.add("action");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Row '" + rule + "' of triage rule set " + ruleSetVersion
                        + " decided but has no " + String.join(", ", missing));
            }
        }
    }
}
