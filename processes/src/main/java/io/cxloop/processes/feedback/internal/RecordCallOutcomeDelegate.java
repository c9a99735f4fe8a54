package io.cxloop.processes.feedback.internal;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CALL_OUTCOME;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CASE_ID;

import io.cxloop.processes.feedback.FeedbackLoopPort;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code Task_RecordCallOutcome}: what came of the call-back goes into the case's history (first contact). */
public class RecordCallOutcomeDelegate implements JavaDelegate {

    private final FeedbackLoopPort port;

    public RecordCallOutcomeDelegate(FeedbackLoopPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public void execute(DelegateExecution execution) {
        port.recordCallOutcome(Variables.string(execution, VAR_CASE_ID), Variables.string(execution, VAR_CALL_OUTCOME));
    }
}
