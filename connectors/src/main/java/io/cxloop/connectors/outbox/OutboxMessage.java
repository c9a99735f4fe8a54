package io.cxloop.connectors.outbox;

/**
 * A message waiting in the outbox, as the dispatcher sees it.
 *
 * @param id the outbox id; also the idempotency key towards the provider (e-mail Message-ID, SMS gateway header, JMS
 *     correlation id)
 * @param channel {@code EMAIL}, {@code SMS} or {@code CALL_QUEUE}
 * @param recipient e-mail address or phone number (E.164 for SMS and call queue)
 * @param subject e-mail subject; for the call queue the reason of the call-back
 * @param htmlBody may be null for channels without HTML
 * @param textBody plain-text body; for the call queue the call script
 * @param customerId whom the message is for (the contact policy is checked for this customer)
 * @param kind the message kind (template name), e.g. {@code reconnect-offer}
 * @param reference what the message is about, e.g. an offer code or a case id; may be null
 * @param priority 0 (lowest) to 9 (highest) for the call queue; null for the kind's configured priority
 * @param marketing whether the message is marketing: it carries one-click unsubscribe, and an opt-out stops it
 * @param unsubscribe where the customer unsubscribes from this kind of message, for the {@code List-Unsubscribe}
 *     headers of marketing e-mail; null for none
 * @param resumed true when an earlier attempt was claimed and never reported back (its dispatcher died): that attempt
 *     may or may not have reached the provider, so a connector that can find out does so before sending again
 */
public record OutboxMessage(
        String id,
        String channel,
        String recipient,
        String language,
        String subject,
        String htmlBody,
        String textBody,
        int attempts,
        String customerId,
        String kind,
        String reference,
        Integer priority,
        boolean marketing,
        Unsubscribe unsubscribe,
        boolean resumed) {

    /**
     * How to unsubscribe (RFC 2369, RFC 8058).
     *
     * @param url the one-click HTTPS URL; a POST of {@code List-Unsubscribe=One-Click} to it unsubscribes
     * @param mailto an address to write to instead, e.g. {@code mailto:unsubscribe@shop.example?subject=…}; may be null
     */
    public record Unsubscribe(String url, String mailto) {}

    /** The same message as a new attempt. */
    public OutboxMessage withAttempt(int attempts, boolean resumed) {
        return with(attempts, marketing, unsubscribe, resumed);
    }

    /** The same message as marketing with the given unsubscribe addresses. */
    public OutboxMessage withUnsubscribe(Unsubscribe unsubscribe) {
        return with(attempts, true, unsubscribe, resumed);
    }

    private OutboxMessage with(int attempts, boolean marketing, Unsubscribe unsubscribe, boolean resumed) {
        return new OutboxMessage(
                id,
                channel,
                recipient,
                language,
                subject,
                htmlBody,
                textBody,
                attempts,
                customerId,
                kind,
                reference,
                priority,
                marketing,
                unsubscribe,
                resumed);
    }
}
