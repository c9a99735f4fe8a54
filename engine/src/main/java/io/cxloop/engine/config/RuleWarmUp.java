package io.cxloop.engine.config;

import io.cxloop.rules.feedback.FeedbackAnalyzer;
import io.cxloop.rules.invitation.InvitationEngine;
import io.cxloop.rules.invitation.InvitationRuleSets;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.policy.ContactPolicyEngine;
import io.cxloop.rules.triage.TriageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Loads the built-in rule sets on threads of their own as soon as the application starts, while the main thread
 * builds the Spring context, the process engine and the Camel routes. They ship compiled (the rules jar's prebuilt
 * modules), so this is class loading and building the networks, no longer a Drools compilation; still seconds of CPU
 * time that the main thread need not wait for (docs/benchmarks.md). The built-ins are loaded once per JVM (static
 * holders), so the beans that need them later get the engines, or wait for the loading in progress. Registered in
 * {@code META-INF/spring.factories}.
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
            InvitationEngine.builtIn(InvitationRuleSets.SURVEY);
            InvitationEngine.builtIn(InvitationRuleSets.REVIEW);
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
