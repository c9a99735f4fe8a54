package io.cxloop.connectors.outbox;

/**
 * Exchange headers shared by the dispatcher and the channel connectors.
 *
 * <p>The contract of a channel connector: it is a {@code direct:} route that receives an {@link OutboxMessage} body,
 * either completes and sets {@link #PROVIDER_MESSAGE_ID}, or throws. It must tolerate being called again for the same
 * outbox id (at least once), and should hand the outbox id to its provider as idempotency key.
 */
public final class OutboxHeaders {

    /** The id of the outbox message being dispatched. */
    public static final String OUTBOX_ID = "CxloopOutboxId";

    /** The outbox message's channel ({@code EMAIL}, {@code SMS}, {@code CALL_QUEUE}). */
    public static final String CHANNEL = "CxloopChannel";

    /** Set by a connector on success: the provider's id for the message (for e-mail the Message-ID). */
    public static final String PROVIDER_MESSAGE_ID = "CxloopProviderMessageId";

    private OutboxHeaders() {}
}
