package io.cxloop.rules.triage;

import java.util.List;
import java.util.Objects;

/**
 * How a feedback is handled, and why.
 *
 * @param severity how urgent it is; call-backs are queued by it
 * @param team the team that owns the case, e.g. {@code "billing"}
 * @param slaHours hours the team has to contact the customer; 0 when the action needs no contact by a team
 * @param action the reaction the customer gets
 * @param firedRules the names of the decision-table rows that matched, each a sentence of policy; the row that
 *     decided comes first, the others follow in table order
 * @param ruleSetVersion the version of the triage rule set that decided, e.g. {@code "triage@builtin-1"}
 */
public record TriageDecision(
        Severity severity,
        String team,
        int slaHours,
        TriageAction action,
        List<String> firedRules,
        String ruleSetVersion) {

    public TriageDecision {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        if (slaHours < 0) {
            throw new IllegalArgumentException("slaHours must not be negative: " + slaHours);
        }
        firedRules = List.copyOf(firedRules);
    }

    /** The row that decided. */
    public String decidingRule() {
        return firedRules.get(0);
    }
}
