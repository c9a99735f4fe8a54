package io.cxloop.rules.triage.internal;

import io.cxloop.rules.RuleSetCompilationException;
import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.feedback.Topic;
import io.cxloop.rules.internal.KieBaseCompiler;
import io.cxloop.rules.model.Touchpoint;
import io.cxloop.rules.model.ValueSegment;
import io.cxloop.rules.triage.TriageDecision;
import io.cxloop.rules.triage.TriageEngine;
import io.cxloop.rules.triage.TriageRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triage on a Drools executable-model KieBase compiled from a decision table. The KieBase is compiled once; every
 * {@link #triage} runs in a fresh session of its own, so one instance serves all threads.
 */
public final class DroolsTriageEngine implements TriageEngine {

    /** The built-in decision table, as a classpath resource. */
    public static final String BUILT_IN_RESOURCE = "io/cxloop/rules/triage/triage.xlsx";

    public static final String BUILT_IN_VERSION = "triage@builtin-1";

    /** Where the DRL of a decision table is compiled; the folder matches the table's RuleSet package. */
    static final String DRL_PATH = "io/cxloop/rules/triage/triage.drl";

    /** Each row fires at most once per fact; more firings than this mean a rule set that loops. */
    static final int MAX_RULE_FIRINGS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(DroolsTriageEngine.class);

    private final String ruleSetVersion;
    private final KieBase kieBase;

    private DroolsTriageEngine(String ruleSetVersion, KieBase kieBase) {
        this.ruleSetVersion = ruleSetVersion;
        this.kieBase = kieBase;
    }

    /** The built-in decision table, compiled on first use and shared afterwards. */
    public static TriageEngine builtIn() {
        return BuiltIn.ENGINE;
    }

    /**
     * Compiles a decision table after checking that it only changes data (see {@link TriageWorkbook}): an uploaded
     * table runs no code of its own.
     */
    public static DroolsTriageEngine fromXlsx(String ruleSetVersion, byte[] xlsx) {
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        return fromDrl(ruleSetVersion, Map.of(DRL_PATH, toDrl(ruleSetVersion, xlsx)));
    }

    /**
     * Compiles DRL texts and checks the result decides completely: for every NPS class, topic, value segment and
     * touchpoint some row matches, and the deciding row fills every column.
     */
    public static DroolsTriageEngine fromDrl(String ruleSetVersion, Map<String, String> drlByResourcePath) {
        DroolsTriageEngine engine = compileOnly(ruleSetVersion, drlByResourcePath);
        engine.requireCompleteDecisions();
        return engine;
    }

    /** Compiles DRL texts without running them; see {@link #requireCompleteDecisions()}. */
    public static DroolsTriageEngine compileOnly(String ruleSetVersion, Map<String, String> drlByResourcePath) {
        KieBase kieBase = KieBaseCompiler.compile(
                ruleSetVersion, "triage", drlByResourcePath, TriageCollector.GLOBAL_NAME, TriageCollector.class);
        return new DroolsTriageEngine(ruleSetVersion, kieBase);
    }

    public static String toDrl(byte[] xlsx) {
        return toDrl("triage (uploaded table)", xlsx);
    }

    private static String toDrl(String ruleSetVersion, byte[] xlsx) {
        Objects.requireNonNull(xlsx, "xlsx");
        List<String> problems = TriageWorkbook.problems(xlsx, BuiltInTable.BYTES);
        if (!problems.isEmpty()) {
            throw new RuleSetCompilationException(ruleSetVersion, problems);
        }
        try (InputStream in = new ByteArrayInputStream(xlsx)) {
            String drl = new SpreadsheetCompiler().compile(in, InputType.XLS);
            if (drl == null || !drl.contains("rule ")) {
                throw new RuleSetCompilationException(
                        ruleSetVersion, List.of("The workbook holds no RuleTable with rows"));
            }
            return drl;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuleSetCompilationException e) {
            throw e;
        } catch (RuntimeException e) {
            // POI and the spreadsheet parser report a broken workbook or table with unchecked exceptions
            throw new RuleSetCompilationException(
                    ruleSetVersion, List.of("The workbook is not a readable decision table: " + messageOf(e)));
        }
    }

    private static String messageOf(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !messages.contains(t.getMessage())) {
                messages.add(t.getMessage());
            }
        }
        return messages.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", messages);
    }

    /**
     * Runs the rules on every NPS class, topic, value segment and touchpoint and checks that some row decides each,
     * completely.
     *
     * @throws RuleSetCompilationException listing every gap
     */
    @Override
    public void requireCompleteDecisions() {
        List<String> problems = new ArrayList<>();
        List<Set<Topic>> topicChoices = new ArrayList<>();
        topicChoices.add(Set.of());
        Arrays.stream(Topic.values()).map(Set::of).forEach(topicChoices::add);
        List<ValueSegment> segments = new ArrayList<>(Arrays.asList(ValueSegment.values()));
        segments.add(null);
        List<Touchpoint> touchpoints = new ArrayList<>(Arrays.asList(Touchpoint.values()));
        touchpoints.add(null);
        for (NpsClass npsClass : NpsClass.values()) {
            for (Set<Topic> topics : topicChoices) {
                for (ValueSegment segment : segments) {
                    for (Touchpoint touchpoint : touchpoints) {
                        try {
                            triage(new TriageRequest(npsClass, topics, segment, touchpoint));
                        } catch (IllegalStateException | IllegalArgumentException e) {
                            if (!problems.contains(e.getMessage())) {
                                problems.add(e.getMessage());
                            }
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetCompilationException(ruleSetVersion, problems);
        }
    }

    @Override
    public TriageDecision triage(TriageRequest request) {
        Objects.requireNonNull(request, "request");
        TriageCollector decision = new TriageCollector();
        KieSession session = kieBase.newKieSession();
        try {
            session.setGlobal(TriageCollector.GLOBAL_NAME, decision);
            session.insert(request);
            int fired = session.fireAllRules(MAX_RULE_FIRINGS);
            if (fired >= MAX_RULE_FIRINGS) {
                throw new IllegalStateException(
                        "Triage rule set " + ruleSetVersion + " fired " + fired + " rules and was stopped: it loops");
            }
        } finally {
            session.dispose();
        }
        TriageDecision result = decision.toDecision(ruleSetVersion);
        log.debug("Triage of {}: {} by '{}' ({})", request, result.action(), result.decidingRule(), ruleSetVersion);
        return result;
    }

    @Override
    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    /** Holder idiom: compiles the built-in decision table once, on first use, thread-safely. */
    private static final class BuiltIn {
        static final TriageEngine ENGINE = fromXlsx(BUILT_IN_VERSION, BuiltInTable.BYTES);
    }

    /** The built-in workbook, which uploaded tables are checked against; read once, without compiling it. */
    private static final class BuiltInTable {
        static final byte[] BYTES = read(BUILT_IN_RESOURCE);

        private static byte[] read(String path) {
            InputStream in = DroolsTriageEngine.class.getClassLoader().getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException("Built-in decision table missing from the classpath: " + path);
            }
            return TriageWorkbook.read(in);
        }
    }
}
