package io.cxloop.processes.feedback.internal;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CASE_ID;

import io.cxloop.processes.feedback.FeedbackLoopPort;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code Task_EscalateSlaBreach}: the case is flagged as breached and the team lead notified. */
public class EscalateSlaBreachDelegate implements JavaDelegate {

    private final FeedbackLoopPort port;

    public EscalateSlaBreachDelegate(FeedbackLoopPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public void execute(DelegateExecution execution) {
        port.escalateSlaBreach(Variables.string(execution, VAR_CASE_ID));
    }
}
