package io.cxloop.connectors.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxloop.connectors.outbox.OutboxMessage;
import io.cxloop.connectors.outbox.OutboxMessages;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OutboxMimeMessagesTest {

    private static final InternetAddress SHOP = address("Sneaker Shop <service@shop.example>");

    @Test
    void theMessageIdIsDerivedFromTheOutboxIdAndSurvivesSerialisation() throws Exception {
        OutboxMessage offer = OutboxMessages.reconnectOfferEmailTo("john.doe@example.org");

        MimeMessage mime = OutboxMimeMessages.build(offer, SHOP);
        mime.saveChanges(); // JavaMail calls this again before sending; it must not invent a new id
        MimeMessage parsed = parse(OutboxMimeMessages.toRfc822(mime));

        assertThat(parsed.getMessageID()).isEqualTo("<" + offer.id() + "@cxloop>");
        assertThat(parsed.getSubject()).isEqualTo("15 % Rabatt auf Ihren Warenkorb – nur 24 Stunden");
        assertThat(parsed.getFrom()).containsExactly(SHOP);
        assertThat(parsed.getAllRecipients()).containsExactly(address("john.doe@example.org"));
        MimeMultipart alternative = (MimeMultipart) parsed.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(alternative.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat((String) alternative.getBodyPart(0).getContent()).isEqualToNormalizingNewlines(offer.textBody());
        assertThat((String) alternative.getBodyPart(1).getContent()).isEqualToNormalizingNewlines(offer.htmlBody());
    }

    @Test
    void marketingMailNamesItsOneClickUnsubscribeAndTransactionalMailDoesNot() throws Exception {
        OutboxMessage offer = OutboxMessages.reconnectOfferEmailTo("john.doe@example.org")
                .withUnsubscribe(new OutboxMessage.Unsubscribe(
                        "https://cx.shop.example/u/am9obg.EMAIL.abc", "mailto:unsubscribe@shop.example?subject=x"));
        OutboxMessage receipt = OutboxMessages.reconnectOfferEmailTo("john.doe@example.org");

        MimeMessage marketing = parse(OutboxMimeMessages.toRfc822(OutboxMimeMessages.build(offer, SHOP)));
        MimeMessage transactional = parse(OutboxMimeMessages.toRfc822(OutboxMimeMessages.build(receipt, SHOP)));

        assertThat(marketing.getHeader("List-Unsubscribe", null))
                .isEqualTo("<mailto:unsubscribe@shop.example?subject=x>, <https://cx.shop.example/u/am9obg.EMAIL.abc>");
        assertThat(marketing.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(transactional.getHeader("List-Unsubscribe")).isNull();
        assertThat(transactional.getHeader("List-Unsubscribe-Post")).isNull();
    }

    @Test
    void anUnsubscribeUrlThatCouldBreakTheHeaderIsRejected() {
        OutboxMessage offer = OutboxMessages.reconnectOfferEmailTo("john.doe@example.org")
                .withUnsubscribe(new OutboxMessage.Unsubscribe("https://x.example/u/a>\r\nBcc: evil@x", null));

        assertThatIllegalArgumentException().isThrownBy(() -> OutboxMimeMessages.build(offer, SHOP));
    }

    @Test
    void aTextOnlyMessageHasASinglePart() throws Exception {
        OutboxMessage offer = OutboxMessages.reconnectOfferEmailTo("john.doe@example.org");
        OutboxMessage textOnly = OutboxMessages.firstAttempt(
                "EMAIL", offer.recipient(), offer.subject(), null, offer.textBody(), null, null, null);

        MimeMessage parsed = parse(OutboxMimeMessages.toRfc822(OutboxMimeMessages.build(textOnly, SHOP)));

        assertThat(parsed.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat((String) parsed.getContent()).isEqualToNormalizingNewlines(offer.textBody());
    }

    @Test
    void idsThatCouldBreakTheHeaderOrTheFileNameAreRejected() {
        assertThat(OutboxMimeMessages.messageId("42")).isEqualTo("<42@cxloop>");
        assertThatIllegalArgumentException().isThrownBy(() -> OutboxMimeMessages.messageId("../etc/passwd"));
        assertThatIllegalArgumentException().isThrownBy(() -> OutboxMimeMessages.messageId("a>b"));
        assertThatIllegalArgumentException().isThrownBy(() -> OutboxMimeMessages.messageId(null));
    }

    @Test
    void aMalformedRecipientIsAnError() {
        OutboxMessage offer = OutboxMessages.reconnectOfferEmailTo("john.doe@example.org");
        OutboxMessage malformed = OutboxMessages.firstAttempt(
                "EMAIL", "john doe", offer.subject(), offer.htmlBody(), offer.textBody(), null, null, null);

        assertThatThrownBy(() -> OutboxMimeMessages.build(malformed, SHOP)).isInstanceOf(AddressException.class);
    }

    private static MimeMessage parse(byte[] rfc822) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(rfc822));
    }

    private static InternetAddress address(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
