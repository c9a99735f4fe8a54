package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.decision.DecisionRepository;
import io.cxloop.engine.ruleset.RuleSetService.Managed;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.triage.TriageEngine;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The versioned rule sets and the engines the rest of the application decides with. */
@Configuration(proxyBeanMethods = false)
public class RuleSetConfiguration {

    @Bean
    Managed<NextBestActionEngine> nextBestActionRuleSet(ObjectMapper json, DecisionRepository decisions) {
        return Managed.startingBuiltIn(new NextBestActionRuleSetKind(json, decisions));
    }

    /** Always the active version: activation needs no restart and never pauses a decision. */
    @Bean
    NextBestActionEngine nextBestActionEngine(Managed<NextBestActionEngine> nextBestActionRuleSet) {
        return new ActiveNextBestActionEngine(nextBestActionRuleSet.active());
    }

    @Bean
    Managed<TriageEngine> triageRuleSet(ObjectMapper json, JdbcClient jdbc) {
        return Managed.startingBuiltIn(new TriageRuleSetKind(json, jdbc));
    }

    /** The feedback flow triages with the active version of {@code triage}. */
    @Bean
    TriageEngine triageEngine(Managed<TriageEngine> triageRuleSet) {
        return new ActiveTriageEngine(triageRuleSet.active());
    }

    @Bean
    RuleSetService ruleSetService(
            List<Managed<?>> ruleSets, RuleSetRepository repository, Clock clock, RuleSetProperties properties) {
        return new RuleSetService(ruleSets, repository, clock, properties.runTimeLimit());
    }

    @Bean
    RuleSetPoller ruleSetPoller(RuleSetService ruleSets, RuleSetProperties properties) {
        return new RuleSetPoller(ruleSets, properties.pollInterval());
    }
}
