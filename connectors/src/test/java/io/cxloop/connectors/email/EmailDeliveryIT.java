package io.cxloop.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cxloop.connectors.ConnectorsTestApplication;
import io.cxloop.connectors.outbox.InMemoryOutboxStore;
import io.cxloop.connectors.outbox.OutboxMessage;
import io.cxloop.connectors.outbox.OutboxMessages;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
        classes = ConnectorsTestApplication.class,
        properties = {
            "cxloop.outbox.poll-interval=100",
            "cxloop.email.from=Sneaker Shop <service@shop.example>",
            "spring.mail.host=127.0.0.1",
            "spring.mail.username=cxloop",
            "spring.mail.password=s3cret",
            "spring.mail.properties.mail.smtp.connectiontimeout=5000"
        })
class EmailDeliveryIT {

    @RegisterExtension
    static final GreenMailExtension smtpServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("cxloop", "s3cret"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> smtpServer.getSmtp().getPort());
    }

    @Autowired
    InMemoryOutboxStore outbox;

    @Test
    void aQueuedReconnectOfferReachesTheCustomersMailbox() throws Exception {
        OutboxMessage offer = outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("john.doe@example.org"));

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.sent().containsKey(offer.id()));

        assertThat(outbox.sent()).containsEntry(offer.id(), "<" + offer.id() + "@cxloop>");
        MimeMessage received = receivedWithMessageId("<" + offer.id() + "@cxloop>");
        assertThat(received.getSubject()).isEqualTo("15 % Rabatt auf Ihren Warenkorb – nur 24 Stunden");
        assertThat(received.getFrom()).containsExactly(new InternetAddress("Sneaker Shop <service@shop.example>"));
        assertThat(received.getAllRecipients()).containsExactly(new InternetAddress("john.doe@example.org"));
        MimeMultipart alternative = (MimeMultipart) received.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat((String) alternative.getBodyPart(0).getContent())
                .isEqualToNormalizingNewlines(offer.textBody())
                .contains("SNEAKER15", "15 % Rabatt", "24.11.2026, 18:30 Uhr (Europe/Berlin)");
        assertThat((String) alternative.getBodyPart(1).getContent()).isEqualToNormalizingNewlines(offer.htmlBody());
    }

    @Test
    void messagesThatCannotBeSentAreMarkedFailedWhileTheRestOfTheBatchGoesOut() {
        OutboxMessage sms = outbox.enqueue(OutboxMessages.reconnectOfferSmsTo("0170 1234567"));
        OutboxMessage malformed = outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("john doe at example"));
        OutboxMessage offer = outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("jane.roe@example.org"));

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.sent().containsKey(offer.id()));

        assertThat(outbox.failed()).containsEntry(sms.id(), "not an E.164 phone number: 0170 1234567");
        assertThat(outbox.failed().get(malformed.id())).isNotBlank();
        assertThat(outbox.sent()).doesNotContainKeys(sms.id(), malformed.id());
    }

    private static MimeMessage receivedWithMessageId(String messageId) {
        return Arrays.stream(smtpServer.getReceivedMessages())
                .filter(message -> {
                    try {
                        return messageId.equals(message.getMessageID());
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow(() -> new AssertionError("No e-mail with Message-ID " + messageId));
    }
}
