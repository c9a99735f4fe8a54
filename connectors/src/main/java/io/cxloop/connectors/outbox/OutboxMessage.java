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
        Integer priority) {

    /** A message without customer, kind, reference or priority (e.g. for a connector on its own). */
    public OutboxMessage(
            String id,
            String channel,
            String recipient,
            String language,
            String subject,
            String htmlBody,
            String textBody,
            int attempts) {
        this(id, channel, recipient, language, subject, htmlBody, textBody, attempts, null, null, null, null);
    }
}
