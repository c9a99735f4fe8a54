package io.cxloop.processes.feedback.internal;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CANDIDATE_GROUP;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CASE_ID;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_FEEDBACK_ID;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_REASSIGN_AFTER;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_REOPENED;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_TEAM;

import io.cxloop.processes.feedback.FeedbackLoopPort;
import io.cxloop.processes.feedback.FeedbackLoopPort.OpenedCase;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code Task_OpenCase}: the case and its SLA timers; the team's agents are the task's candidates. */
public class OpenCaseDelegate implements JavaDelegate {

    private final FeedbackLoopPort port;

    public OpenCaseDelegate(FeedbackLoopPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public void execute(DelegateExecution execution) {
        String feedbackId = Variables.string(execution, VAR_FEEDBACK_ID);
        OpenedCase opened = Variables.result(port.openCase(feedbackId), "case");
        execution.setVariable(VAR_CASE_ID, opened.caseId());
        execution.setVariable(VAR_REOPENED, false);
        execution.setVariable(VAR_CANDIDATE_GROUP, Variables.string(execution, VAR_TEAM));
        SlaTimers.set(execution, opened.slaDueAt(), Variables.duration(execution, VAR_REASSIGN_AFTER));
    }
}
