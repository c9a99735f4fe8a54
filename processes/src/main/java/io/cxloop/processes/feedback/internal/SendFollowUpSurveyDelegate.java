package io.cxloop.processes.feedback.internal;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CASE_ID;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_SURVEY_ID;

import io.cxloop.processes.feedback.FeedbackLoopPort;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code Task_SendFollowUpSurvey}: asks the customer whether the problem is solved. */
public class SendFollowUpSurveyDelegate implements JavaDelegate {

    private final FeedbackLoopPort port;

    public SendFollowUpSurveyDelegate(FeedbackLoopPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public void execute(DelegateExecution execution) {
        String surveyId =
                Variables.result(port.sendFollowUpSurvey(Variables.string(execution, VAR_CASE_ID)), "survey id");
        execution.setVariable(VAR_SURVEY_ID, surveyId);
    }
}
