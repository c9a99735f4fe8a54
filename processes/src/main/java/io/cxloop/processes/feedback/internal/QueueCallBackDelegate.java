package io.cxloop.processes.feedback.internal;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CASE_ID;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_MESSAGE_ID;

import io.cxloop.processes.feedback.FeedbackLoopPort;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code Task_QueueCallBack}: a call-back request on the call queue; its outcome is matched by its message id. */
public class QueueCallBackDelegate implements JavaDelegate {

    private final FeedbackLoopPort port;

    public QueueCallBackDelegate(FeedbackLoopPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public void execute(DelegateExecution execution) {
        // null when the customer cannot be called (no number or no consent): the agent reaches them another way
        execution.setVariable(VAR_MESSAGE_ID, port.queueCallBack(Variables.string(execution, VAR_CASE_ID)));
    }
}
