package io.cxloop.engine.feedback;

import io.cxloop.rules.feedback.FeedbackAnalyzer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The framework-free analysis of {@code rules}, built once at start-up; thread-safe afterwards. Triage is a versioned
 * rule set (see {@code io.cxloop.engine.ruleset.RuleSetConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class FeedbackConfiguration {

    @Bean
    FeedbackAnalyzer feedbackAnalyzer() {
        return FeedbackAnalyzer.builtIn();
    }
}
