package io.cxloop.rules.nba;

import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithCallConsentButNoPhone;
import static io.cxloop.rules.nba.DecisionFixture.decisionFor;
import static io.cxloop.rules.nba.ReconnectFixture.cartAbandonedTrigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import io.cxloop.rules.RuleSetCompilationException;
import io.cxloop.rules.model.Channel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule sets built from DRL text, as analysts will upload them. */
class NextBestActionEngineFromDrlTest {

    private static final String PATH = "io/cxloop/rules/nba/uploaded.drl";

    private static final String HEADER =
            """
            package io.cxloop.rules.nba;
            import io.cxloop.rules.model.Channel;
            import io.cxloop.rules.policy.ChannelCandidate;
            import io.cxloop.rules.nba.internal.DecisionCollector;
            global DecisionCollector decision;
            """;

    @Test
    void uploadedRuleSetDecidesAndReportsItsVersion() {
        String drl = HEADER
                + """
                rule "Every customer is called back"
                when
                    ReconnectContext( $offer : offer )
                then
                    decision.chooseReconnectOffer( Channel.CALL_QUEUE, $offer );
                    decision.explain( drools.getRule().getName(), "CALL_QUEUE chosen: we call everyone" );
                end
                """;

        NextBestActionEngine engine = NextBestActionEngine.fromDrl("next-best-action@upload-7", Map.of(PATH, drl));
        NextBestAction action =
                engine.decide(decisionFor(germanCustomerWithCallConsentButNoPhone(), cartAbandonedTrigger()));

        assertThat(engine.ruleSetVersion()).isEqualTo("next-best-action@upload-7");
        assertThat(action.ruleSetVersion()).isEqualTo("next-best-action@upload-7");
        assertThat(action.channel()).isEqualTo(Channel.CALL_QUEUE);
        assertThat(action.explanations())
                .containsExactly(
                        new Explanation("Every customer is called back", "CALL_QUEUE chosen: we call everyone"));
    }

    @Test
    void ruleThatNeedsNoFactFiresInEveryDecision() {
        // such a rule stays matched in a session that is emptied and reused, so this rule set gets new sessions
        String drl = HEADER
                + """
                import io.cxloop.rules.policy.ContactVeto;
                rule "Nobody vetoed"
                when
                    not ContactVeto()
                then
                    decision.explain( drools.getRule().getName(), "no veto" );
                end
                """;
        NextBestActionEngine engine = NextBestActionEngine.fromDrl("next-best-action@upload-13", Map.of(PATH, drl));
        NextBestActionRequest request = decisionFor(germanCustomerWithCallConsentButNoPhone(), cartAbandonedTrigger());

        NextBestAction first = engine.decide(request);
        NextBestAction second = engine.decide(request);

        assertThat(first.explanations()).containsExactly(new Explanation("Nobody vetoed", "no veto"));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void brokenDrlIsRefusedWithTheCompilerMessages() {
        String drl = HEADER
                + """
                rule "Candidates of an unknown kind are rejected"
                when
                    $candidate : NoSuchCandidate( channel == Channel.EMAIL )
                then
                    decision.explain( drools.getRule().getName(), "never" );
                end
                """;

        assertThatThrownBy(() -> NextBestActionEngine.fromDrl("next-best-action@upload-8", Map.of(PATH, drl)))
                .isInstanceOf(RuleSetCompilationException.class)
                .hasMessageContaining("next-best-action@upload-8")
                .hasMessageContaining("NoSuchCandidate")
                .extracting(e -> ((RuleSetCompilationException) e).messages(), list(String.class))
                .isNotEmpty()
                .anySatisfy(message -> assertThat(message).startsWith(PATH).contains("NoSuchCandidate"));
    }

    @Test
    void drlWithSyntaxErrorIsRefusedWithItsLine() {
        String drl = HEADER
                + """
                rule "Unfinished rule"
                when
                    ChannelCandidate( channel == )
                then
                end
                """;

        assertThatThrownBy(() -> NextBestActionEngine.fromDrl("next-best-action@upload-9", Map.of(PATH, drl)))
                .isInstanceOf(RuleSetCompilationException.class)
                .extracting(e -> ((RuleSetCompilationException) e).messages(), list(String.class))
                .anySatisfy(message -> assertThat(message).startsWith(PATH + ":8"));
    }

    @Test
    void ruleSetThatCannotReportItsDecisionIsRefused() {
        String drl =
                """
                package io.cxloop.rules.nba;
                rule "Silent rule"
                when
                    ReconnectContext()
                then
                end
                """;

        assertThatThrownBy(() -> NextBestActionEngine.fromDrl("next-best-action@upload-10", Map.of(PATH, drl)))
                .isInstanceOf(RuleSetCompilationException.class)
                .hasMessageContaining("global io.cxloop.rules.nba.internal.DecisionCollector decision;");
    }

    @Test
    void fileThatIsNotDrlIsRefused() {
        assertThatThrownBy(() -> NextBestActionEngine.fromDrl(
                        "next-best-action@upload-11", Map.of("io/cxloop/rules/nba/rules.txt", HEADER)))
                .isInstanceOf(RuleSetCompilationException.class)
                .hasMessageContaining("io/cxloop/rules/nba/rules.txt: not a DRL file");
    }

    @Test
    void ruleSetThatLoopsIsStoppedInsteadOfHangingTheCaller() {
        String drl = HEADER
                + """
                rule "Candidates are looked at again and again"
                when
                    $candidate : ChannelCandidate()
                then
                    update( $candidate );
                end
                """;
        NextBestActionEngine engine = NextBestActionEngine.fromDrl("next-best-action@upload-12", Map.of(PATH, drl));

        assertThatThrownBy(() ->
                        engine.decide(decisionFor(germanCustomerWithCallConsentButNoPhone(), cartAbandonedTrigger())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("next-best-action@upload-12")
                .hasMessageContaining("loops");
    }
}
