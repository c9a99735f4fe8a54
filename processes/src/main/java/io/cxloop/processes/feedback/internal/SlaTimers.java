package io.cxloop.processes.feedback.internal;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_REASSIGN_AT;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_SLA_DUE_AT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The dates of the boundary timers of {@code Task_ContactCustomer}; timer date expressions need {@link Date}. */
final class SlaTimers {

    private SlaTimers() {}

    static void set(DelegateExecution execution, Instant slaDueAt, Duration reassignAfter) {
        if (slaDueAt == null) {
            throw new IllegalStateException("The case has no SLA due time; its task could never escalate");
        }
        execution.setVariable(VAR_SLA_DUE_AT, Date.from(slaDueAt));
        execution.setVariable(VAR_REASSIGN_AT, Date.from(slaDueAt.plus(reassignAfter)));
    }
}
