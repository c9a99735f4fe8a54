package io.cxloop.engine.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a candidate rule-set version would have decided differently from the active one, on the decision inputs
 * recorded in a period.
 *
 * @param decisions how many recorded decisions were replayed
 * @param changed how many of them came out differently (action, channel or offer)
 * @param active counts of the active version's outcomes by dimension ({@code action}, {@code channel}, {@code offer})
 * @param candidate the same counts for the candidate
 * @param changes the changed decisions, at most {@value #CHANGES_LISTED}
 * @param truncated whether the period held more decisions than one simulation replays
 */
public record SimulationReport(
        String ruleSet,
        String candidateVersion,
        String activeVersion,
        Instant from,
        Instant to,
        int decisions,
        int changed,
        Map<String, Map<String, Long>> active,
        Map<String, Map<String, Long>> candidate,
        List<Change> changes,
        boolean truncated) {

    public static final int CHANGES_LISTED = 100;

    /** One decision that comes out differently. */
    public record Change(String decisionId, String customerId, Instant decidedAt, String active, String candidate) {}
}
