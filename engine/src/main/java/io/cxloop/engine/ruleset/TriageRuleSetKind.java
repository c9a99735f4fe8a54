package io.cxloop.engine.ruleset;

import static io.cxloop.engine.persistence.JdbcTime.instant;
import static io.cxloop.engine.persistence.JdbcTime.utc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.ruleset.DecisionReplay.Recorded;
import io.cxloop.rules.RuleSetCompilationException;
import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.feedback.Topic;
import io.cxloop.rules.lifecycle.FactModel;
import io.cxloop.rules.lifecycle.RuleSetRejectedException;
import io.cxloop.rules.lifecycle.ScenarioResult;
import io.cxloop.rules.model.Touchpoint;
import io.cxloop.rules.model.ValueSegment;
import io.cxloop.rules.triage.TriageDecision;
import io.cxloop.rules.triage.TriageEngine;
import io.cxloop.rules.triage.TriageRequest;
import io.cxloop.rules.triage.TriageRuleSet;
import io.cxloop.rules.triage.TriageScenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code triage} rule set: severity, team, SLA and action for every feedback. Analysts upload an edited {@code
 * triage.xlsx} (checked cell by cell against the built-in table's layout) or DRL; a version must decide every feedback
 * completely and pass its scenario tests.
 */
public class TriageRuleSetKind implements RuleSetKind<TriageEngine> {

    private static final TypeReference<List<TriageScenario>> SCENARIOS = new TypeReference<>() {};

    private final ObjectMapper json;
    private final JdbcClient jdbc;
    private final DecisionReplay<TriageEngine, TriageRequest, TriageDecision> replay;

    public TriageRuleSetKind(ObjectMapper json, JdbcClient jdbc) {
        this.json = json;
        this.jdbc = jdbc;
        this.replay = DecisionReplay.triages(this::triagedFeedback);
    }

    @Override
    public String name() {
        return TriageRuleSet.NAME;
    }

    @Override
    public FactModel factModel() {
        return TriageRuleSet.FACT_MODEL;
    }

    @Override
    public TriageEngine builtIn() {
        return TriageEngine.builtIn();
    }

    @Override
    public String builtInDrl() {
        return importingTheCollector(TriageEngine.toDrl(resource(TriageRuleSet.BUILT_IN_XLSX)));
    }

    @Override
    public String builtInScenarios() {
        return new String(resource(TriageRuleSet.BUILT_IN_SCENARIOS), StandardCharsets.UTF_8);
    }

    @Override
    public String labelOf(TriageEngine engine) {
        return engine.ruleSetVersion();
    }

    /** Checked cell by cell: an uploaded table may change the rows, never the code rows above them. */
    @Override
    public String decisionTableToDrl(String fileName, byte[] xlsx) {
        try {
            return importingTheCollector(TriageEngine.toDrl(xlsx));
        } catch (RuleSetCompilationException e) {
            throw new RuleSetRejectedException("Decision table " + fileName, e.messages());
        }
    }

    /**
     * The decision table declares its global with the collector's full name; the safety check allows only imported
     * names in rule files, so the DRL imports the collector instead.
     */
    static String importingTheCollector(String drl) {
        String collector = TriageRuleSet.COLLECTOR_CLASS;
        String global = "global " + collector + " ";
        if (!drl.contains(global)) {
            return drl;
        }
        return drl.replace(
                global,
                "import " + collector + ";\nglobal " + collector.substring(collector.lastIndexOf('.') + 1) + " ");
    }

    @Override
    public TriageEngine compile(String label, String resourcePath, String drl) {
        return TriageEngine.compileOnly(label, Map.of(resourcePath, drl));
    }

    /** Every NPS class, topic, value segment and touchpoint must be decided, by a row that fills every column. */
    @Override
    public void verify(TriageEngine engine) {
        engine.requireCompleteDecisions();
    }

    @Override
    public void parseScenarios(String scenariosJson) {
        if (RuleSetFiles.scenarios(json, scenariosJson, SCENARIOS).isEmpty()) {
            throw new IllegalArgumentException("at least one scenario is needed");
        }
    }

    @Override
    public List<ScenarioResult> runScenarios(TriageEngine engine, String scenariosJson) {
        return RuleSetFiles.scenarios(json, scenariosJson, SCENARIOS).stream()
                .map(scenario -> scenario.runOn(engine))
                .toList();
    }

    /** Replays the feedback triaged in the period (see {@link #triagedFeedback}). */
    @Override
    public SimulationReport simulate(TriageEngine candidate, TriageEngine active, Instant from, Instant to) {
        return replay.versions(name(), candidate, active, from, to);
    }

    /**
     * The feedback triaged in {@code [from, to)}, by whichever version. The feedback's NPS class, topics and touchpoint
     * are as recorded; the value segment is the customer's today (feedback does not record the segment it was triaged
     * with).
     */
    private List<Recorded<TriageRequest>> triagedFeedback(String ruleSet, Instant from, Instant to, int limit) {
        return jdbc.sql(
                        """
                select f.feedback_id, f.customer_id, f.received_at, f.nps_class, f.topics, f.touchpoint,
                    c.value_segment
                from feedback f join customer c on c.customer_id = f.customer_id
                where f.triage_rules is not null and f.received_at >= ? and f.received_at < ?
                order by f.received_at, f.feedback_id
                fetch first ? rows only""")
                .params(utc(from), utc(to), limit)
                .query((rs, row) -> new Recorded<>(
                        rs.getString("feedback_id"),
                        rs.getString("customer_id"),
                        instant(rs, "received_at"),
                        new TriageRequest(
                                NpsClass.valueOf(rs.getString("nps_class")),
                                topics(rs.getString("topics")),
                                rs.getString("value_segment") == null
                                        ? null
                                        : ValueSegment.valueOf(rs.getString("value_segment")),
                                rs.getString("touchpoint") == null
                                        ? null
                                        : Touchpoint.valueOf(rs.getString("touchpoint")))))
                .list();
    }

    private static Set<Topic> topics(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(stored.split(",")).map(Topic::valueOf).collect(Collectors.toSet());
    }

    private static byte[] resource(String path) {
        try (InputStream in = TriageRuleSetKind.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
