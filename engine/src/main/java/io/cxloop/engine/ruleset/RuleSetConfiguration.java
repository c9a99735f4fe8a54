package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.decision.DecisionRepository;
import io.cxloop.engine.ruleset.RuleSetService.Managed;
import io.cxloop.rules.invitation.InvitationEngine;
import io.cxloop.rules.invitation.InvitationRuleSets;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.policy.ContactPolicyEngine;
import io.cxloop.rules.triage.TriageEngine;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The versioned rule sets and the engines the rest of the application decides with. */
@Configuration(proxyBeanMethods = false)
public class RuleSetConfiguration {

    /**
     * The contact policy, one for service and marketing, composed into every next-best-action, survey-invitation and
     * review-invitation decision. Its kind reaches the active rules of those late (to check that an upload composes
     * with them, and to simulate), since they are built with the policy.
     */
    @Bean
    Managed<ContactPolicyEngine> contactPolicyRuleSet(
            ObjectMapper json,
            DecisionRepository decisions,
            @Qualifier("nextBestActionEngine") ObjectProvider<NextBestActionEngine> nextBestActionEngine,
            @Qualifier("surveyInvitationEngine") ObjectProvider<InvitationEngine> surveyInvitationEngine,
            @Qualifier("reviewInvitationEngine") ObjectProvider<InvitationEngine> reviewInvitationEngine) {
        return Managed.startingBuiltIn(new ContactPolicyRuleSetKind(
                json,
                decisions,
                nextBestActionEngine::getObject,
                () -> Map.of(
                        InvitationRuleSets.SURVEY,
                        surveyInvitationEngine.getObject(),
                        InvitationRuleSets.REVIEW,
                        reviewInvitationEngine.getObject())));
    }

    /** The next-best-action rules, composed with the active contact policy. */
    @Bean
    Managed<NextBestActionEngine> nextBestActionRuleSet(
            ObjectMapper json,
            DecisionRepository decisions,
            @Qualifier("contactPolicyRuleSet") Managed<ContactPolicyEngine> contactPolicyRuleSet) {
        return Managed.startingBuiltIn(new NextBestActionRuleSetKind(json, decisions, contactPolicyRuleSet.active()));
    }

    /**
     * Always the active version, composed with the active contact policy: activating either needs no restart and never
     * pauses a decision.
     */
    @Bean
    NextBestActionEngine nextBestActionEngine(
            @Qualifier("nextBestActionRuleSet") Managed<NextBestActionEngine> nextBestActionRuleSet) {
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

    /** The survey-invitation rules, composed with the active contact policy. */
    @Bean
    Managed<InvitationEngine> surveyInvitationRuleSet(
            ObjectMapper json,
            DecisionRepository decisions,
            @Qualifier("contactPolicyRuleSet") Managed<ContactPolicyEngine> contactPolicyRuleSet) {
        return Managed.startingBuiltIn(
                new InvitationRuleSetKind(InvitationRuleSets.SURVEY, json, decisions, contactPolicyRuleSet.active()));
    }

    /** The review-invitation rules, composed with the active contact policy. */
    @Bean
    Managed<InvitationEngine> reviewInvitationRuleSet(
            ObjectMapper json,
            DecisionRepository decisions,
            @Qualifier("contactPolicyRuleSet") Managed<ContactPolicyEngine> contactPolicyRuleSet) {
        return Managed.startingBuiltIn(
                new InvitationRuleSetKind(InvitationRuleSets.REVIEW, json, decisions, contactPolicyRuleSet.active()));
    }

    /**
     * Whether, how and when customers are asked to rate a touchpoint: the active {@code survey-invitation}, composed
     * with the active contact policy.
     */
    @Bean
    InvitationEngine surveyInvitationEngine(
            @Qualifier("surveyInvitationRuleSet") Managed<InvitationEngine> surveyInvitationRuleSet) {
        return new ActiveInvitationEngine(surveyInvitationRuleSet.active());
    }

    /**
     * Whether, how and when promoters are invited to write a review: the active {@code review-invitation}, composed with
     * the active contact policy.
     */
    @Bean
    InvitationEngine reviewInvitationEngine(
            @Qualifier("reviewInvitationRuleSet") Managed<InvitationEngine> reviewInvitationRuleSet) {
        return new ActiveInvitationEngine(reviewInvitationRuleSet.active());
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
