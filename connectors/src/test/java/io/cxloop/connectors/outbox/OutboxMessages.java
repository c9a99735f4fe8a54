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
        return new OutboxMessage(
                UUID.randomUUID().toString(),
                "EMAIL",
                recipient,
                "de",
                offer.subject(),
                offer.htmlBody(),
                offer.textBody(),
                0,
                "john",
                ReconnectOffers.TEMPLATE,
                "SNEAKER15",
                null);
    }

    /** The offer as a short text message. */
    public static OutboxMessage reconnectOfferSmsTo(String phoneNumber) {
        return new OutboxMessage(
                UUID.randomUUID().toString(),
                "SMS",
                phoneNumber,
                "de",
                null,
                null,
                "Hallo John, 15 % auf Ihren Warenkorb mit Code SNEAKER15 – nur 24 Stunden.",
                0,
                "john",
                ReconnectOffers.TEMPLATE,
                "SNEAKER15",
                null);
    }

    /** A call-back request for the call center, of the given kind and without an own priority. */
    public static OutboxMessage callBackTo(String phoneNumber, String kind, String reason) {
        return new OutboxMessage(
                UUID.randomUUID().toString(),
                "CALL_QUEUE",
                phoneNumber,
                "de",
                reason,
                null,
                "Guten Tag, hier ist der Kundenservice. Sie hatten uns eine Bewertung geschickt …",
                0,
                "anna",
                kind,
                "CASE-4711",
                null);
    }

    /** A message on a channel nobody delivers. */
    public static OutboxMessage faxTo(String number) {
        return new OutboxMessage(UUID.randomUUID().toString(), "FAX", number, "de", null, null, "Hallo", 0);
    }
}
