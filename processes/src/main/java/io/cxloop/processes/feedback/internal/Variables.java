package io.cxloop.processes.feedback.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads required variables of {@code feedback-closed-loop} and fails with a message an operator can act on. */
final class Variables {

    private Variables() {}

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        throw new IllegalStateException("Variable '" + name + "' must be a non-blank string but is " + value);
    }

    static String localString(VariableScope scope, String name) {
        Object value = scope.getVariableLocal(name);
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        throw new IllegalStateException("Input parameter '" + name + "' must be a non-blank string but is " + value);
    }

    /** A local input parameter naming a constant of the enum, e.g. the resolution of a {@code Task_Close…}. */
    static <E extends Enum<E>> E localEnum(VariableScope scope, String name, Class<E> type) {
        String value = localString(scope, name);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Input parameter '" + name + "' names no " + type.getSimpleName() + ": '" + value + "'", e);
        }
    }

    static String optionalString(VariableScope scope, String name) {
        return scope.getVariable(name) instanceof String text && !text.isBlank() ? text : null;
    }

    static Duration duration(VariableScope scope, String name) {
        String text = string(scope, name);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "Variable '" + name + "' must be an ISO-8601 duration such as PT24H but is " + text, e);
        }
    }

    static <T> T result(T result, String what) {
        if (result == null) {
            throw new IllegalStateException("The feedback port returned no " + what);
        }
        return result;
    }
}
