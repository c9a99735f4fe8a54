package io.cxloop.processes.reconnect.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads required variables and fails with a message an operator can act on in the incident. */
final class ProcessVariables {

    private ProcessVariables() {}

    static String requiredString(DelegateExecution execution, String name) {
        return requiredString(execution, name, execution.getVariable(name));
    }

    static String requiredLocalString(DelegateExecution execution, String name) {
        return requiredString(execution, name, execution.getVariableLocal(name));
    }

    private static String requiredString(DelegateExecution execution, String name, Object value) {
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        throw new IllegalStateException("Variable '" + name + "' must be a non-blank string but is " + value
                + " (process instance " + execution.getProcessInstanceId() + ", activity "
                + execution.getCurrentActivityId() + ")");
    }

    static <T> T requiredResult(DelegateExecution execution, T result, String what) {
        if (result == null) {
            throw new IllegalStateException("The campaign port returned no " + what + " (process instance "
                    + execution.getProcessInstanceId() + ", activity " + execution.getCurrentActivityId() + ")");
        }
        return result;
    }
}
