package io.cxloop.processes.feedback.internal;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CASE_ID;

import io.cxloop.processes.feedback.CaseResolution;
import io.cxloop.processes.feedback.FeedbackLoopPort;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The {@code Task_Close…} tasks: one delegate for all resolutions, each task names its {@link CaseResolution} in the
 * local input parameter {@value #RESOLUTION}.
 */
public class CloseCaseDelegate implements JavaDelegate {

    /** Local variable (input parameter) holding a {@link CaseResolution} name. */
    public static final String RESOLUTION = "resolution";

    private final FeedbackLoopPort port;

    public CloseCaseDelegate(FeedbackLoopPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseResolution resolution = Variables.localEnum(execution, RESOLUTION, CaseResolution.class);
        port.closeCase(Variables.string(execution, VAR_CASE_ID), resolution);
    }
}
