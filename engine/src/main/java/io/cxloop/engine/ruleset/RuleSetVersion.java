package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * A version of a rule set an analyst uploaded.
 *
 * @param format {@code DRL} or {@code XLSX}
 * @param drl the rules; for a decision table the DRL generated from it
 * @param sourceBase64 the uploaded spreadsheet, for a decision table
 * @param scenarios the scenario tests (JSON) the version passed when it was uploaded
 */
public record RuleSetVersion(
        String ruleSet,
        int version,
        String label,
        String format,
        String sourceName,
        String drl,
        @JsonIgnore String sourceBase64,
        String scenarios,
        String comment,
        Instant createdAt,
        String createdBy) {}
