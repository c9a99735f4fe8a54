package io.cxloop.engine.survey;

import java.time.Instant;

/** A survey sent to a customer; a follow-up survey names its case. */
public record Survey(
        String surveyId,
        String customerId,
        String caseId,
        Instant createdAt,
        Instant expiresAt,
        Instant answeredAt,
        String answerFeedbackId) {

    public boolean answered() {
        return answeredAt != null;
    }
}
