package io.cxloop.processes.feedback.internal;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.ESCALATION_GROUP;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CANDIDATE_GROUP;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CASE_ID;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_REASSIGN_AFTER;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_REOPENED;

import io.cxloop.processes.feedback.FeedbackLoopPort;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code Task_ReopenCase}: worked again, by the escalation group, with a new SLA; a case is reopened only once. */
public class ReopenCaseDelegate implements JavaDelegate {

    private final FeedbackLoopPort port;

    public ReopenCaseDelegate(FeedbackLoopPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = Variables.string(execution, VAR_CASE_ID);
        SlaTimers.set(execution, port.reopenCase(caseId), Variables.duration(execution, VAR_REASSIGN_AFTER));
        execution.setVariable(VAR_REOPENED, true);
        execution.setVariable(VAR_CANDIDATE_GROUP, ESCALATION_GROUP);
    }
}
