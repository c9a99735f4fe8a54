package io.cxloop.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cxloop.connectors.ConnectorsConfiguration;
import io.cxloop.connectors.outbox.CrashingOutboxStore;
import io.cxloop.connectors.outbox.InMemoryOutboxStore;
import io.cxloop.connectors.outbox.OutboxMessage;
import io.cxloop.connectors.outbox.OutboxMessages;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The customer receives every e-mail exactly once: when the dispatcher dies between the SMTP server's acceptance and
 * the outbox's record of it, and when the SMTP server is away for a while. GreenMail is the SMTP server and, over
 * IMAP, the journal mailbox that receives a Bcc of every e-mail.
 */
@SpringBootTest(
        classes = EmailExactlyOnceIT.Application.class,
        properties = {
            "cxloop.outbox.poll-interval=100",
            "cxloop.email.from=Sneaker Shop <service@shop.example>",
            "spring.mail.host=127.0.0.1",
            "spring.mail.properties.mail.smtp.connectiontimeout=2000",
            "cxloop.email.journal.address=journal@shop.example",
            "cxloop.email.journal.host=127.0.0.1",
            "cxloop.email.journal.username=journal",
            "cxloop.email.journal.password=journal-secret"
        })
class EmailExactlyOnceIT {

    private static final int SMTP_PORT = freePort();
    private static final int IMAP_PORT = freePort();
    private static volatile GreenMail mailServer = startMailServer();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ConnectorsConfiguration.class)
    static class Application {
        @Bean
        CrashingOutboxStore outboxStore() {
            return new CrashingOutboxStore(new InMemoryOutboxStore(1000));
        }
    }

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("cxloop.email.journal.port", () -> IMAP_PORT);
    }

    @AfterAll
    static void stopMailServer() {
        mailServer.stop();
    }

    @Autowired
    CrashingOutboxStore outbox;

    @Test
    void theDispatcherDiesAfterTheSmtpServerAcceptedTheMailAndAfterRestartTheCustomerStillHasOne() {
        String customer = customerAddress();
        OutboxMessage offer = outbox.enqueueAndCrashAfterSending(OutboxMessages.reconnectOfferEmailTo(customer));

        await().atMost(Duration.ofSeconds(15)).until(() -> outbox.abandoned().contains(offer.id()));
        assertThat(copiesOf(offer, customer)).isEqualTo(1);
        assertThat(outbox.outbox().sent()).doesNotContainKey(offer.id());

        outbox.restartAfterClaimTimeout();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> outbox.outbox().sent().containsKey(offer.id()));
        assertThat(outbox.outbox().sent()).containsEntry(offer.id(), "<" + offer.id() + "@cxloop>");
        assertThat(copiesOf(offer, customer)).isEqualTo(1);
    }

    @Test
    void aResumedMailThatNeverReachedTheServerIsSentOnce() {
        String customer = customerAddress();
        // claimed before, but the dispatcher died before talking to the SMTP server
        OutboxMessage offer =
                outbox.enqueue(OutboxMessages.reconnectOfferEmailTo(customer).withAttempt(1, true));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> outbox.outbox().sent().containsKey(offer.id()));
        assertThat(copiesOf(offer, customer)).isEqualTo(1);
    }

    @Test
    void whileTheSmtpServerIsAwayMailsWaitAndAfterwardsEachArrivesOnce() throws Exception {
        String customer = customerAddress();
        mailServer.stop();
        List<OutboxMessage> offers = IntStream.range(0, 3)
                .mapToObj(i -> outbox.enqueue(OutboxMessages.reconnectOfferEmailTo(customer)))
                .toList();

        await().atMost(Duration.ofSeconds(20)).until(() -> offers.stream()
                .allMatch(offer -> outbox.outbox().attemptErrors(offer.id()).size() >= 2));
        assertThat(offers).noneMatch(offer -> outbox.outbox().sent().containsKey(offer.id()));

        mailServer = startMailServer();

        await().atMost(Duration.ofSeconds(20)).until(() -> offers.stream()
                .allMatch(offer -> outbox.outbox().sent().containsKey(offer.id())));
        for (OutboxMessage offer : offers) {
            assertThat(copiesOf(offer, customer)).as(offer.id()).isEqualTo(1);
        }
        assertThat(inboxOf(customer)).hasSize(3);
    }

    /** Copies of the message in the customer's own mailbox (the journal's Bcc copy lives in another one). */
    private static long copiesOf(OutboxMessage message, String customer) {
        String messageId = "<" + message.id() + "@cxloop>";
        return inboxOf(customer).stream()
                .filter(received -> messageId.equals(messageIdOf(received)))
                .count();
    }

    private static List<MimeMessage> inboxOf(String address) {
        try {
            GreenMailUser user = mailServer.getUserManager().getUserByEmail(address);
            if (user == null) {
                return List.of();
            }
            MailFolder inbox = mailServer.getManagers().getImapHostManager().getInbox(user);
            return inbox.getMessages().stream()
                    .map(StoredMessage::getMimeMessage)
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            return null;
        }
    }

    private static String customerAddress() {
        return "john-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static GreenMail startMailServer() {
        GreenMail server = new GreenMail(new ServerSetup[] {
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        server.start();
        server.setUser("journal@shop.example", "journal", "journal-secret");
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
