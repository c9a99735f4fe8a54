package io.cxloop.engine.web;

/** Input that is well-formed but not acceptable; answered with 400 problem+json naming the field. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
