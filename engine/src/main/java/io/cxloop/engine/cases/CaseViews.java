package io.cxloop.engine.cases;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.cxloop.engine.feedback.Feedback;
import io.cxloop.engine.message.Message;
import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.feedback.Sentiment;
import io.cxloop.rules.feedback.Topic;
import io.cxloop.rules.triage.Severity;
import io.cxloop.rules.triage.TriageAction;
import java.util.List;
import java.util.Set;

/** What the case API shows. */
public final class CaseViews {

    private CaseViews() {}

    /** The analysis of the feedback that opened a case. */
    public record Analysis(NpsClass npsClass, Sentiment sentiment, Double sentimentScore, Set<Topic> topics) {

        static Analysis of(Feedback feedback) {
            return feedback == null
                    ? null
                    : new Analysis(
                            feedback.npsClass(), feedback.sentiment(), feedback.sentimentScore(), feedback.topics());
        }
    }

    /** A case in a list, with its feedback's analysis. */
    public record CaseSummary(@JsonUnwrapped FeedbackCase feedbackCase, Analysis analysis) {}

    /** The triage decision that sent the feedback to its team, with the rules that fired. */
    public record TriageView(
            Severity severity,
            String team,
            Integer slaHours,
            TriageAction action,
            List<String> firedRules,
            String ruleSetVersion) {

        static TriageView of(Feedback feedback) {
            return new TriageView(
                    feedback.severity(),
                    feedback.team(),
                    feedback.slaHours(),
                    feedback.action(),
                    feedback.firedRules(),
                    feedback.ruleSetVersion());
        }
    }

    /** A message the case caused and why. */
    public record CaseMessage(String purpose, @JsonUnwrapped Message message) {}

    /** The contact task as it stands in the process engine (null fields when there is none). */
    public record ContactTask(String taskId, String assignee, List<String> candidateGroups) {}

    /** One case with everything about it. */
    public record CaseDetails(
            @JsonUnwrapped FeedbackCase feedbackCase,
            Feedback feedback,
            Analysis analysis,
            List<TriageView> decisions,
            List<CaseMessage> messages,
            List<Feedback> followUps,
            List<CaseHistoryEntry> history,
            ContactTask task) {}
}
