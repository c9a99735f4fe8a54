package io.cxloop.engine.ruleset;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often a node looks for activations made on other nodes
 * @param runTimeLimit how long the rules of an upload may compute in its scenario tests and checks; an upload whose
 *     rules compute longer (an endless loop) is rejected. Time spent waiting for a processor on a busy node does not
 *     count, up to three times the limit by the clock
 */
@ConfigurationProperties("cxloop.rulesets")
public record RuleSetProperties(
        @DefaultValue("5s") Duration pollInterval, @DefaultValue("10s") Duration runTimeLimit) {}
