package io.cxloop.engine.feedback;

import io.cxloop.rules.triage.Severity;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The closed feedback loop ({@code feedback-closed-loop}); handed to each process instance as variables, so a running
 * case keeps the settings it started with.
 *
 * @param reassignAfter how long after the SLA due time an untouched case goes to the escalation group
 * @param followUpDelay how long after the agent's contact the follow-up survey goes out
 * @param surveyAnswerTimeout how long the follow-up waits for an answer before the case closes as unconfirmed
 * @param improvementThreshold NPS points a detractor's follow-up must gain to count as improved while still a
 *     detractor (a follow-up that is no detractor any more always counts)
 * @param teamLeads e-mail address of each team's lead, by team, for SLA escalation notices
 * @param defaultTeamLead address for teams without their own entry
 * @param callBackPriorities JMS priority (0–9) of a case's call-back by severity
 * @param reviewUrl where promoters write their review (linked in the review invitation)
 * @param staffLanguage language of notices to team leads ({@code de} or {@code en})
 */
@ConfigurationProperties("cxloop.feedback")
public record FeedbackProperties(
        @DefaultValue("PT24H") Duration reassignAfter,
        @DefaultValue("P3D") Duration followUpDelay,
        @DefaultValue("P14D") Duration surveyAnswerTimeout,
        @DefaultValue("3") int improvementThreshold,
        Map<String, String> teamLeads,
        @DefaultValue("cx-leads@cxloop.local") String defaultTeamLead,
        Map<Severity, Integer> callBackPriorities,
        @DefaultValue("https://www.example.com/reviews") URI reviewUrl,
        @DefaultValue("en") String staffLanguage) {

    private static final Map<Severity, Integer> DEFAULT_PRIORITIES =
            Map.of(Severity.CRITICAL, 9, Severity.HIGH, 7, Severity.MEDIUM, 5, Severity.LOW, 3);

    public FeedbackProperties {
        teamLeads = teamLeads == null ? Map.of() : Map.copyOf(teamLeads);
        Map<Severity, Integer> priorities = new EnumMap<>(DEFAULT_PRIORITIES);
        if (callBackPriorities != null) {
            priorities.putAll(callBackPriorities);
        }
        priorities.forEach((severity, priority) -> {
            if (priority == null || priority < 0 || priority > 9) {
                throw new IllegalArgumentException(
                        "cxloop.feedback.call-back-priorities." + severity + " must be 0..9: " + priority);
            }
        });
        callBackPriorities = Map.copyOf(priorities);
        if (improvementThreshold < 1 || improvementThreshold > 10) {
            throw new IllegalArgumentException(
                    "cxloop.feedback.improvement-threshold must be 1..10: " + improvementThreshold);
        }
    }

    public String teamLeadOf(String team) {
        return teamLeads.getOrDefault(team, defaultTeamLead);
    }

    public int callBackPriority(Severity severity) {
        return callBackPriorities.get(severity);
    }
}
