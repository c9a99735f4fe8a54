package io.cxloop.engine.config;

import io.cxloop.rules.feedback.FeedbackAnalyzer;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.policy.ContactPolicyEngine;
import io.cxloop.rules.triage.TriageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Compiles the built-in rule sets on threads of their own as soon as the application starts, while the main thread
 * builds the Spring context, the process engine and the Camel routes: the Drools compilation of the next-best-action
 * rules and the triage table was a third of the start-up's CPU time on the main thread (docs/benchmarks.md). The
 * built-ins are compiled once per JVM (static holders), so the beans that need them later get the compiled engines,
 * or wait for the compilation in progress. Registered in {@code META-INF/spring.factories}.
 */
public final class RuleWarmUp implements ApplicationListener<ApplicationStartingEvent> {

    private static final Logger log = LoggerFactory.getLogger(RuleWarmUp.class);

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        start("cxloop-warm-up-next-best-action", NextBestActionEngine::builtIn);
        start("cxloop-warm-up-triage", () -> {
            TriageEngine.builtIn();
            FeedbackAnalyzer.builtIn();
            // alone, for its scenario tests; decisions use it composed into the next-best-action rules
            ContactPolicyEngine.builtIn();
        });
    }

    private static void start(String name, Runnable compile) {
        Thread thread = new Thread(
                () -> {
                    try {
                        compile.run();
                    } catch (RuntimeException | Error e) {
                        // the bean that needs the rules then fails the start-up; this is the first cause
                        log.error("Compiling the built-in rules failed", e);
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
    }
}
