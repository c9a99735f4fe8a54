package io.cxloop.connectors.outbox;

/**
 * Thrown by a channel connector when a retry cannot help (an invalid recipient, a request the provider rejects): the
 * dispatcher then gives up on the message at once instead of retrying it.
 */
public class PermanentDeliveryException extends RuntimeException {

    public PermanentDeliveryException(String message) {
        super(message);
    }

    public PermanentDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
