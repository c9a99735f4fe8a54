package io.cxloop.engine.feedback;

import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.feedback.Sentiment;
import io.cxloop.rules.feedback.Topic;
import io.cxloop.rules.triage.Severity;
import io.cxloop.rules.triage.TriageAction;
import java.util.List;
import java.util.Set;

/** What {@code POST /api/feedback} made of a feedback: its analysis, its triage and the process that reacts. */
public record FeedbackReceipt(
        String feedbackId,
        Status status,
        NpsClass npsClass,
        Sentiment sentiment,
        double sentimentScore,
        Set<Topic> topics,
        Severity severity,
        String team,
        Integer slaHours,
        TriageAction action,
        List<String> firedRules,
        String processInstanceId) {

    public enum Status {
        ACCEPTED,
        /** The feedback id was seen before; this is what was made of it then. */
        DUPLICATE
    }

    FeedbackReceipt asDuplicate() {
        return new FeedbackReceipt(
                feedbackId,
                Status.DUPLICATE,
                npsClass,
                sentiment,
                sentimentScore,
                topics,
                severity,
                team,
                slaHours,
                action,
                firedRules,
                processInstanceId);
    }
}
