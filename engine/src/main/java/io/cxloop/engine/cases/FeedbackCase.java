package io.cxloop.engine.cases;

import java.time.Instant;

/**
 * A follow-up owed to one customer after a detractor's feedback.
 *
 * @param team the team the triage chose
 * @param workGroup the candidate group currently working it: the team, or {@code escalation}
 * @param resolution how it was closed ({@code LOOP_CLOSED}, {@code NOT_IMPROVED}, {@code UNCONFIRMED}), null while
 *     open
 */
public record FeedbackCase(
        String caseId,
        String customerId,
        String feedbackId,
        String team,
        String workGroup,
        String assignee,
        CaseStatus status,
        String severity,
        Instant slaDueAt,
        boolean breached,
        boolean reopened,
        String outcome,
        String rootCause,
        String resolution,
        String processInstanceId,
        Instant openedAt,
        Instant firstContactAt,
        Instant closedAt,
        Instant updatedAt) {}
