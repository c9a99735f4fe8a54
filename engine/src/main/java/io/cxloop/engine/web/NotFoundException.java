package io.cxloop.engine.web;

/** A resource addressed by the request does not exist; answered with 404 problem+json. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
