package io.cxloop.processes.feedback.internal;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CASE_ID;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CUSTOMER_MESSAGE_ID;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_FEEDBACK_ID;

import io.cxloop.processes.feedback.CustomerMessage;
import io.cxloop.processes.feedback.FeedbackLoopPort;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The {@code Task_Send…} tasks to the customer: one delegate for all, each task names its {@link CustomerMessage} in
 * the local input parameter {@value #MESSAGE}. The contact policy may forbid the message; the process goes on.
 */
public class SendCustomerMessageDelegate implements JavaDelegate {

    /** Local variable (input parameter) holding a {@link CustomerMessage} name. */
    public static final String MESSAGE = "message";

    private final FeedbackLoopPort port;

    public SendCustomerMessageDelegate(FeedbackLoopPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public void execute(DelegateExecution execution) {
        CustomerMessage message = Variables.localEnum(execution, MESSAGE, CustomerMessage.class);
        Optional<String> messageId = Variables.result(
                port.sendCustomerMessage(
                        Variables.string(execution, VAR_FEEDBACK_ID),
                        Variables.optionalString(execution, VAR_CASE_ID),
                        message),
                "message result");
        execution.setVariable(VAR_CUSTOMER_MESSAGE_ID, messageId.orElse(null));
    }
}
