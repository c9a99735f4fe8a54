package io.cxloop.engine.feedback;

import io.cxloop.rules.feedback.FeedbackAnalyzer;
import io.cxloop.rules.triage.TriageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The framework-free analysis and triage of {@code rules}, built once at start-up; thread-safe afterwards. */
@Configuration(proxyBeanMethods = false)
public class FeedbackConfiguration {

    @Bean
    FeedbackAnalyzer feedbackAnalyzer() {
        return FeedbackAnalyzer.builtIn();
    }

    @Bean
    TriageEngine triageEngine() {
        return TriageEngine.builtIn();
    }
}
