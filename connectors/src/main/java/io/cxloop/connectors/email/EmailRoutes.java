package io.cxloop.connectors.email;

import io.cxloop.connectors.email.internal.MailJournal;
import io.cxloop.connectors.email.internal.OutboxMimeMessages;
import io.cxloop.connectors.email.internal.SmtpSettings;
import io.cxloop.connectors.outbox.OutboxHeaders;
import io.cxloop.connectors.outbox.OutboxMessage;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailConfiguration;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.mail.MailProperties;

/**
 * The e-mail connector: {@code direct:email} takes an {@link OutboxMessage}, builds the MIME message with the
 * deterministic Message-ID {@code <outboxId@cxloop>} and hands it to the SMTP server from {@code spring.mail.*} — or,
 * without {@code spring.mail.host}, writes it as {@code {outboxId}.eml} into the sandbox directory. On success the
 * header {@link OutboxHeaders#PROVIDER_MESSAGE_ID} holds the Message-ID; failures are thrown to the caller.
 *
 * <h2>Exactly once in effect</h2>
 *
 * The outbox dispatches at least once: a message whose dispatcher died after claiming it comes back {@link
 * OutboxMessage#resumed() resumed} after the claim timeout. SMTP has no idempotency key, and the dangerous gap is
 * "the server accepted the message, the dispatcher died before the outbox recorded it" — sending again would give the
 * customer a second copy. With a journal mailbox ({@code cxloop.email.journal.*}) every e-mail carries the journal
 * as Bcc, which the SMTP server accepts in the same transaction as the customer's copy. A resumed message is looked
 * up there by its deterministic Message-ID first: found means the first attempt went out, and it is recorded as sent
 * without sending; not found means it never reached the server, and it is sent. If the journal cannot be read, the
 * attempt fails and is retried later rather than risking a duplicate. (A journal copy that the server accepted but
 * has not yet filed when the lookup runs would be missed; the claim timeout of minutes leaves far more time than a
 * local delivery takes.) Without a journal a resumed message is sent again: at least once.
 */
public class EmailRoutes extends RouteBuilder {

    public static final String ENDPOINT = "direct:email";
    public static final String ROUTE_ID = "email-delivery";
    public static final String SMTP_ENDPOINT_ID = "smtp-server";
    public static final String SANDBOX_ENDPOINT_ID = "email-sandbox";

    private static final Logger log = LoggerFactory.getLogger(EmailRoutes.class);
    private static final String RESUMED = "CxloopResumed";

    private final InternetAddress from;
    private final Path sandboxDir;
    private final Optional<SmtpSettings> smtp;
    private final Optional<MailJournal> journal;

    public EmailRoutes(EmailProperties email, MailProperties mail) {
        try {
            this.from = new InternetAddress(email.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("cxloop.email.from is not an e-mail address: " + email.from(), e);
        }
        this.sandboxDir = email.sandboxDir().toAbsolutePath().normalize();
        this.smtp = SmtpSettings.from(mail);
        this.journal = email.journal() != null && email.journal().enabled()
                ? Optional.of(new MailJournal(email.journal()))
                : Optional.empty();
    }

    @Override
    public void configure() {
        RouteDefinition route = from(ENDPOINT)
                .routeId(ROUTE_ID)
                // the dispatcher decides what a failure means; no logging or redelivery here
                .errorHandler(noErrorHandler())
                .process(this::buildMimeMessage)
                .id("build-mime-message");

        if (smtp.isPresent()) {
            log.info("E-mail goes to SMTP server {}", smtp.get().uri());
            journal.ifPresent(j -> log.info("E-mail journal mailbox: {}", j.address()));
            // a MimeMessage body is sent as it is (MailProducer), so our Message-ID survives
            route.choice()
                    .when(this::alreadyAccepted)
                    .log("E-mail ${header." + OutboxHeaders.OUTBOX_ID + "} was accepted before: not sent again")
                    .id("skip-accepted-email")
                    .otherwise()
                    .to(smtpEndpoint(smtp.get()))
                    .id(SMTP_ENDPOINT_ID)
                    .end();
        } else {
            log.info("No spring.mail.host set: e-mail is written to {} (sandbox)", sandboxDir);
            route.process(this::toEmlFile)
                    .id("write-eml")
                    .to("file:" + sandboxDir + "?fileExist=Override&tempPrefix=.writing-")
                    .id(SANDBOX_ENDPOINT_ID);
        }
    }

    private void buildMimeMessage(Exchange exchange) throws Exception {
        OutboxMessage message = exchange.getMessage().getMandatoryBody(OutboxMessage.class);
        MimeMessage mime = OutboxMimeMessages.build(message, from);
        if (journal.isPresent() && smtp.isPresent()) {
            mime.addRecipient(
                    jakarta.mail.Message.RecipientType.BCC, journal.get().address());
            mime.saveChanges();
        }
        exchange.setProperty(RESUMED, message.resumed());
        exchange.getMessage().setHeader(OutboxHeaders.OUTBOX_ID, message.id());
        exchange.getMessage().setHeader(OutboxHeaders.PROVIDER_MESSAGE_ID, mime.getMessageID());
        exchange.getMessage().setBody(mime);
    }

    /** A resumed message whose first attempt the journal shows as accepted is not sent again. */
    private boolean alreadyAccepted(Exchange exchange) {
        if (!Boolean.TRUE.equals(exchange.getProperty(RESUMED, Boolean.class)) || journal.isEmpty()) {
            return false;
        }
        String messageId = exchange.getMessage().getHeader(OutboxHeaders.PROVIDER_MESSAGE_ID, String.class);
        try {
            return journal.get().contains(messageId);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(
                    "cannot read the e-mail journal to check whether " + messageId + " went out already", e);
        }
    }

    private void toEmlFile(Exchange exchange) throws Exception {
        MimeMessage mime = exchange.getMessage().getMandatoryBody(MimeMessage.class);
        exchange.getMessage()
                .setHeader(Exchange.FILE_NAME, exchange.getMessage().getHeader(OutboxHeaders.OUTBOX_ID) + ".eml");
        exchange.getMessage().setBody(OutboxMimeMessages.toRfc822(mime));
    }

    /** Configured in code rather than in the URI, so the password never appears in endpoint URIs or logs. */
    private MailEndpoint smtpEndpoint(SmtpSettings settings) {
        MailEndpoint endpoint = getContext().getEndpoint(settings.uri(), MailEndpoint.class);
        MailConfiguration configuration = endpoint.getConfiguration();
        // camel-mail rejects a null user name; an SMTP server without authentication has none
        if (settings.username() != null && !settings.username().isBlank()) {
            configuration.setUsername(settings.username());
            configuration.setPassword(settings.password());
        }
        configuration.setAdditionalJavaMailProperties(settings.javaMailProperties());
        return endpoint;
    }
}
