package io.cxloop.engine.ruleset;

import io.cxloop.engine.web.ApiExceptionHandler.FieldProblem;
import java.util.List;

/** An upload that fails validation: unsafe, does not compile, or fails its scenario tests. Answered with 422. */
public class RuleSetRejection extends RuntimeException {

    private final List<FieldProblem> problems;

    public RuleSetRejection(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public static RuleSetRejection of(String message, String field, List<String> messages) {
        return new RuleSetRejection(
                message,
                messages.stream().map(text -> new FieldProblem(field, text)).toList());
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
