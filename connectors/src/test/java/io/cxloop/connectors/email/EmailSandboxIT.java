package io.cxloop.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cxloop.connectors.ConnectorsTestApplication;
import io.cxloop.connectors.outbox.InMemoryOutboxStore;
import io.cxloop.connectors.outbox.OutboxDispatcherRoutes;
import io.cxloop.connectors.outbox.OutboxMessage;
import io.cxloop.connectors.outbox.OutboxMessages;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without {@code spring.mail.host} a newcomer finds every e-mail as an {@code .eml} file. */
@SpringBootTest(
        classes = ConnectorsTestApplication.class,
        properties = {"cxloop.outbox.poll-interval=100", "cxloop.email.from=Sneaker Shop <service@shop.example>"})
class EmailSandboxIT {

    @TempDir
    static Path sandbox;

    @DynamicPropertySource
    static void sandboxDir(DynamicPropertyRegistry registry) {
        registry.add("cxloop.email.sandbox-dir", () -> sandbox.toString());
    }

    @Autowired
    InMemoryOutboxStore outbox;

    @Autowired
    CamelContext camel;

    @Test
    void aQueuedReconnectOfferIsWrittenAsEmlFile() throws Exception {
        OutboxMessage offer = outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("john.doe@example.org"));

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.sent().containsKey(offer.id()));

        assertThat(outbox.sent()).containsEntry(offer.id(), "<" + offer.id() + "@cxloop>");
        MimeMessage written = parse(sandbox.resolve(offer.id() + ".eml"));
        assertThat(written.getMessageID()).isEqualTo("<" + offer.id() + "@cxloop>");
        assertThat(written.getSubject()).isEqualTo("15 % Rabatt auf Ihren Warenkorb – nur 24 Stunden");
        assertThat(written.getFrom()).containsExactly(new InternetAddress("Sneaker Shop <service@shop.example>"));
        assertThat(written.getAllRecipients()).containsExactly(new InternetAddress("john.doe@example.org"));
        MimeMultipart alternative = (MimeMultipart) written.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat((String) alternative.getBodyPart(0).getContent()).isEqualToNormalizingNewlines(offer.textBody());
        assertThat((String) alternative.getBodyPart(1).getContent()).isEqualToNormalizingNewlines(offer.htmlBody());
        try (var files = Files.list(sandbox)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly(offer.id() + ".eml");
        }
    }

    @Test
    void routesAndExternalEndpointsCarryIds() {
        assertThat(camel.getRoute(EmailRoutes.ROUTE_ID)).isNotNull();
        assertThat(camel.getRoute(OutboxDispatcherRoutes.ROUTE_ID)).isNotNull();
        assertThat(camel.getProcessor(EmailRoutes.SANDBOX_ENDPOINT_ID)).isNotNull();
        assertThat(camel.getProcessor(EmailRoutes.SMTP_ENDPOINT_ID))
                .as("no SMTP server configured")
                .isNull();
    }

    private static MimeMessage parse(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
