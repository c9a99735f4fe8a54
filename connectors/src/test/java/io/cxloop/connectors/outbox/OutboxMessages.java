package io.cxloop.connectors.outbox;

import io.cxloop.connectors.template.MessageTemplates;
import io.cxloop.connectors.template.ReconnectOffers;
import io.cxloop.connectors.template.RenderedMessage;
import io.cxloop.connectors.template.ThymeleafMessageTemplates;
import java.util.Locale;
import java.util.UUID;

/** Outbox messages as the journeys write them. */
public final class OutboxMessages {

    private static final MessageTemplates TEMPLATES = new ThymeleafMessageTemplates();

    private OutboxMessages() {}

    /** John's 15 % reconnect offer, rendered in German, queued for e-mail. */
    public static OutboxMessage reconnectOfferEmailTo(String recipient) {
        RenderedMessage offer =
                TEMPLATES.render(ReconnectOffers.TEMPLATE, Locale.GERMAN, ReconnectOffers.johnsSneakers());
        return firstAttempt(
                "EMAIL",
                recipient,
                offer.subject(),
                offer.htmlBody(),
                offer.textBody(),
                "john",
                ReconnectOffers.TEMPLATE,
                "SNEAKER15");
    }

    /** The offer as a short text message. */
    public static OutboxMessage reconnectOfferSmsTo(String phoneNumber) {
        return firstAttempt(
                "SMS",
                phoneNumber,
                null,
                null,
                "Hallo John, 15 % auf Ihren Warenkorb mit Code SNEAKER15 – nur 24 Stunden.",
                "john",
                ReconnectOffers.TEMPLATE,
                "SNEAKER15");
    }

    /** A call-back request for the call center, of the given kind and without an own priority. */
    public static OutboxMessage callBackTo(String phoneNumber, String kind, String reason) {
        return firstAttempt(
                "CALL_QUEUE",
                phoneNumber,
                reason,
                null,
                "Guten Tag, hier ist der Kundenservice. Sie hatten uns eine Bewertung geschickt …",
                "anna",
                kind,
                "CASE-4711");
    }

    /** A message on a channel nobody delivers. */
    public static OutboxMessage faxTo(String number) {
        return firstAttempt("FAX", number, null, null, "Hallo", null, null, null);
    }

    /** A first attempt in German of a message that is not marketing, with its kind's priority. */
    public static OutboxMessage firstAttempt(
            String channel,
            String recipient,
            String subject,
            String htmlBody,
            String textBody,
            String customerId,
            String kind,
            String reference) {
        return new OutboxMessage(
                UUID.randomUUID().toString(),
                channel,
                recipient,
                "de",
                subject,
                htmlBody,
                textBody,
                0,
                customerId,
                kind,
                reference,
                null,
                false,
                null,
                false);
    }
}
