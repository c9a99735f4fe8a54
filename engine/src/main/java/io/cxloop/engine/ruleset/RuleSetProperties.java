package io.cxloop.engine.ruleset;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often a node looks for activations made on other nodes
 */
@ConfigurationProperties("cxloop.rulesets")
public record RuleSetProperties(@DefaultValue("5s") Duration pollInterval) {}
