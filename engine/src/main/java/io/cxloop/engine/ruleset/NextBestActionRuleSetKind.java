package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.rules.lifecycle.FactModel;
import io.cxloop.rules.lifecycle.ScenarioResult;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.nba.NextBestActionRuleSet;
import io.cxloop.rules.nba.NextBestActionScenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The {@code next-best-action} rule set: offer and channel for every process and for other systems. */
public class NextBestActionRuleSetKind implements RuleSetKind<NextBestActionEngine> {

    private static final TypeReference<List<NextBestActionScenario>> SCENARIOS = new TypeReference<>() {};

    private final ObjectMapper json;

    public NextBestActionRuleSetKind(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String name() {
        return NextBestActionRuleSet.NAME;
    }

    @Override
    public FactModel factModel() {
        return NextBestActionRuleSet.FACT_MODEL;
    }

    @Override
    public NextBestActionEngine builtIn() {
        return NextBestActionEngine.builtIn();
    }

    @Override
    public String builtInDrl() {
        return resource(NextBestActionRuleSet.BUILT_IN_DRL);
    }

    @Override
    public String builtInScenarios() {
        return resource(NextBestActionRuleSet.BUILT_IN_SCENARIOS);
    }

    @Override
    public String labelOf(NextBestActionEngine engine) {
        return engine.ruleSetVersion();
    }

    @Override
    public NextBestActionEngine compile(String label, String resourcePath, String drl) {
        return NextBestActionEngine.fromDrl(label, Map.of(resourcePath, drl));
    }

    @Override
    public void parseScenarios(String scenariosJson) {
        List<NextBestActionScenario> scenarios = read(scenariosJson);
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("at least one scenario is needed");
        }
    }

    @Override
    public List<ScenarioResult> runScenarios(NextBestActionEngine engine, String scenariosJson) {
        return read(scenariosJson).stream()
                .map(scenario -> scenario.runOn(engine))
                .toList();
    }

    private List<NextBestActionScenario> read(String scenariosJson) {
        try {
            List<NextBestActionScenario> scenarios = json.readValue(scenariosJson, SCENARIOS);
            return scenarios == null ? List.of() : scenarios;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = NextBestActionRuleSetKind.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
