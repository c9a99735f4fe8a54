package io.cxloop.engine.survey;

import java.time.Instant;

/**
 * A survey sent to a customer: a follow-up survey names its case; an invitation after a journey event names the
 * touchpoint and journey stage its answer is feedback about.
 */
public record Survey(
        String surveyId,
        String customerId,
        String caseId,
        String touchpoint,
        String journeyStage,
        String channel,
        String transactionRef,
        Instant createdAt,
        Instant expiresAt,
        Instant answeredAt,
        String answerFeedbackId) {

    public boolean answered() {
        return answeredAt != null;
    }
}
