package io.cxloop.engine.feedback;

import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.feedback.ScoreType;
import io.cxloop.rules.feedback.Sentiment;
import io.cxloop.rules.feedback.Topic;
import io.cxloop.rules.triage.Severity;
import io.cxloop.rules.triage.TriageAction;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A stored feedback with its analysis and, for feedback that came in through {@code POST /api/feedback}, its triage
 * (a follow-up survey answer has none: it only confirms or reopens its case).
 */
public record Feedback(
        String feedbackId,
        String customerId,
        String touchpoint,
        String channel,
        String journeyStage,
        ScoreType scoreType,
        int score,
        String comment,
        String language,
        Instant occurredAt,
        Instant receivedAt,
        String transactionRef,
        NpsClass npsClass,
        Sentiment sentiment,
        Double sentimentScore,
        Set<Topic> topics,
        Severity severity,
        String team,
        Integer slaHours,
        TriageAction action,
        List<String> firedRules,
        String ruleSetVersion,
        String processInstanceId,
        String followUpOfCase) {

    public Feedback {
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        firedRules = firedRules == null ? List.of() : List.copyOf(firedRules);
    }

    FeedbackReceipt toReceipt() {
        return new FeedbackReceipt(
                feedbackId,
                FeedbackReceipt.Status.ACCEPTED,
                npsClass,
                sentiment,
                sentimentScore == null ? 0 : sentimentScore,
                topics,
                severity,
                team,
                slaHours,
                action,
                firedRules,
                processInstanceId);
    }
}
