package io.cxloop.engine.web;

/** The request conflicts with the current state (e.g. creating what exists); answered with 409 problem+json. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
