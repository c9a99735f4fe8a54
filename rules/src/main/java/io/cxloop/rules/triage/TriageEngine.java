package io.cxloop.rules.triage;

import io.cxloop.rules.RuleSetCompilationException;
import io.cxloop.rules.triage.internal.DroolsTriageEngine;
import java.util.Map;

/**
 * Triages feedback with the {@code triage} decision table: severity, team, SLA and action. When several rows match
 * (several topics, say), the most severe row decides; among equally severe rows, the one higher in the table. Every
 * decision lists the rows that matched. Thread-safe: build once, call from any thread.
 */
public interface TriageEngine {

    /**
     * The decision table that ships in this jar (classpath {@code io/cxloop/rules/triage/triage.xlsx}), version
     * {@code "triage@builtin-1"}. Compiled on the first call (this takes seconds), shared afterwards.
     */
    static TriageEngine builtIn() {
        return DroolsTriageEngine.builtIn();
    }

    /**
     * Compiles a triage decision table an analyst edited (XLSX, in the layout of the built-in {@code triage.xlsx}).
     * Compiling takes seconds: build once per version and keep the engine.
     *
     * @param ruleSetVersion recorded with every decision, e.g. {@code "triage@upload-3"}
     * @throws RuleSetCompilationException listing every problem, if the table cannot be read or does not compile
     */
    static TriageEngine fromXlsx(String ruleSetVersion, byte[] xlsx) {
        return DroolsTriageEngine.fromXlsx(ruleSetVersion, xlsx);
    }

    /**
     * Compiles a triage rule set from DRL texts, e.g. the DRL {@link #toDrl} made of a decision table.
     *
     * <p>The DRL sees the fact {@link TriageRequest} and must declare {@code global
     * io.cxloop.rules.triage.internal.TriageCollector decision;}; each rule proposes through it, under its own name.
     *
     * @param drlByResourcePath DRL text by resource path, e.g. {@code io/cxloop/rules/triage/triage.drl}
     * @throws RuleSetCompilationException listing every compiler message, if the rule set does not compile
     */
    static TriageEngine fromDrl(String ruleSetVersion, Map<String, String> drlByResourcePath) {
        return DroolsTriageEngine.fromDrl(ruleSetVersion, drlByResourcePath);
    }

    /**
     * Compiles a triage rule set from DRL texts like {@link #fromDrl} but does not run it yet: call {@link
     * #requireCompleteDecisions()} before the engine decides anything. For uploads, whose rules must run under a time
     * limit of the caller's.
     *
     * @throws RuleSetCompilationException listing every compiler message, if the rule set does not compile
     */
    static TriageEngine compileOnly(String ruleSetVersion, Map<String, String> drlByResourcePath) {
        return DroolsTriageEngine.compileOnly(ruleSetVersion, drlByResourcePath);
    }

    /**
     * The DRL a triage decision table compiles to, to show an analyst what their table means.
     *
     * @throws RuleSetCompilationException if the workbook cannot be read as a decision table
     */
    static String toDrl(byte[] xlsx) {
        return DroolsTriageEngine.toDrl(xlsx);
    }

    TriageDecision triage(TriageRequest request);

    /**
     * Checks that the rules decide every feedback completely: for every NPS class, topic, value segment and touchpoint
     * some row matches, and the deciding row fills every column. Runs the rules some thousand times.
     *
     * @throws RuleSetCompilationException listing every gap
     */
    default void requireCompleteDecisions() {}

    /** The version of the rule set, recorded with every decision (e.g. {@code "triage@builtin-1"}). */
    String ruleSetVersion();
}
