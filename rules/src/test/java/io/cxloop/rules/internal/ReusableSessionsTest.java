package io.cxloop.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.rules.nba.NextBestActionRuleSet;
import io.cxloop.rules.nba.ReconnectContext;
import io.cxloop.rules.nba.internal.DecisionCollector;
import io.cxloop.rules.policy.internal.DroolsContactPolicyEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/** Which rule sets may empty and reuse their sessions, and what a reused session looks like. */
class ReusableSessionsTest {

    private static final String HEADER =
            """
            package io.cxloop.rules.nba;
            import io.cxloop.rules.policy.ContactVeto;
            import io.cxloop.rules.nba.internal.DecisionCollector;
import io.cxloop.rules.policy.internal.DroolsContactPolicyEngine;
            global DecisionCollector decision;
            """;

    @Test
    void builtInNextBestActionRulesComposedWithTheContactPolicyReuseTheirSessions() throws IOException {
        Map<String, String> drl = new LinkedHashMap<>(DroolsContactPolicyEngine.builtInDrl());
        drl.put(NextBestActionRuleSet.BUILT_IN_DRL, builtInDrl());
        KieBase kieBase = KieBaseCompiler.compile(
                "test", "reusable-sessions-test", drl, DecisionCollector.GLOBAL_NAME, DecisionCollector.class);

        assertThat(ReusableSessions.whyNotReusable(kieBase)).isEmpty();
    }

    @Test
    void ruleThatNeedsAFactAmongNegationsAllowsReuse() {
        KieBase kieBase = compile(
                HEADER
                        + """
                rule "Customers without a veto are reconnected"
                when
                    not ContactVeto()
                    ReconnectContext()
                    not ( ContactVeto() and ReconnectContext() )
                    eval( true )
                then
                end
                """);

        assertThat(ReusableSessions.whyNotReusable(kieBase)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not ContactVeto()",
                "exists ContactVeto() or not ReconnectContext()",
                "eval( true )",
                "Number( intValue == 0 ) from accumulate( ContactVeto(), count() )",
                "forall( ContactVeto( rule == \"x\" ) )",
            })
    void ruleThatMatchesAnEmptyWorkingMemoryGetsNewSessions(String conditions) {
        KieBase kieBase = compile(HEADER
                + """
                rule "Matches without facts"
                when
                    %s
                then
                end
                """
                        .formatted(conditions));

        assertThat(ReusableSessions.whyNotReusable(kieBase))
                .hasValue("rule \"Matches without facts\" can match without any fact");
    }

    @ParameterizedTest
    @ValueSource(strings = {"agenda-group \"later\"", "activation-group \"one\"", "lock-on-active", "timer (int: 1s)"})
    void ruleWhoseAgendaStateOutlivesTheFactsGetsNewSessions(String attribute) {
        KieBase kieBase = compile(HEADER
                + """
                rule "With agenda state"
                    %s
                when
                    ReconnectContext()
                then
                end
                """
                        .formatted(attribute));

        assertThat(ReusableSessions.whyNotReusable(kieBase))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("rule \"With agenda state\" "));
    }

    @Test
    void releasedSessionIsEmptyAndReused() {
        KieBase kieBase = compile(
                HEADER
                        + """
                rule "A veto is recorded for every trigger"
                when
                    $trigger : ReconnectContext()
                then
                    insert( new ContactVeto( $trigger.triggerKey() ) );
                end
                """);
        ReusableSessions sessions = new ReusableSessions("test", kieBase, 1);

        KieSession first = sessions.take();
        first.insert(new ReconnectContext("t", List.of(), Duration.ZERO, null));
        assertThat(first.fireAllRules()).isEqualTo(1);
        sessions.release(first, true);
        KieSession second = sessions.take();

        assertThat(sessions.reused()).isTrue();
        assertThat(second).isSameAs(first);
        assertThat(second.getFactCount()).isZero();
        assertThat(second.fireAllRules()).isZero();
    }

    @Test
    void sessionOfAFailedDecisionIsNotReused() {
        KieBase kieBase = compile(
                HEADER
                        + """
                rule "Every trigger"
                when
                    ReconnectContext()
                then
                end
                """);
        ReusableSessions sessions = new ReusableSessions("test", kieBase, 1);

        KieSession failed = sessions.take();
        sessions.release(failed, false);

        assertThat(sessions.take()).isNotSameAs(failed);
    }

    private static KieBase compile(String drl) {
        return KieBaseCompiler.compile(
                "test",
                "reusable-sessions-test",
                Map.of("io/cxloop/rules/nba/test.drl", drl),
                DecisionCollector.GLOBAL_NAME,
                DecisionCollector.class);
    }

    private static String builtInDrl() throws IOException {
        try (InputStream in =
                ReusableSessionsTest.class.getClassLoader().getResourceAsStream(NextBestActionRuleSet.BUILT_IN_DRL)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
