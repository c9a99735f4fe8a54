package io.cxloop.connectors.email.internal;

import io.cxloop.connectors.outbox.OutboxMessage;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.Properties;
import java.util.regex.Pattern;

/** Builds the RFC 822 message for an outbox message. */
public final class OutboxMimeMessages {

    private static final String UTF_8 = "UTF-8";
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    // The id becomes part of the Message-ID and of the sandbox file name.
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Session SESSION;

    static {
        // Jakarta Mail looks its StreamProvider up with a ServiceLoader for every body part and every encoding, i.e.
        // it searches every jar of the class path several times per e-mail (half of the dispatcher's CPU time in the
        // load harness, docs/benchmarks.md); named as a system property, the provider is instantiated directly
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        SESSION = Session.getInstance(new Properties());
    }

    // what goes between < > in List-Unsubscribe: no spaces, line breaks or angle brackets
    private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s<>,]+");
    private static final Pattern MAILTO_URL = Pattern.compile("mailto:[^\\s<>,]+");

    private OutboxMimeMessages() {}

    /** The deterministic Message-ID of an outbox message: a retry carries the same one. */
    public static String messageId(String outboxId) {
        if (outboxId == null || !SAFE_ID.matcher(outboxId).matches()) {
            throw new IllegalArgumentException("Outbox id not usable as Message-ID: " + outboxId);
        }
        return "<" + outboxId + "@cxloop>";
    }

    /** A multipart/alternative (text, then HTML) UTF-8 message; a single part when one body is missing. */
    public static MimeMessage build(OutboxMessage message, InternetAddress from) throws MessagingException {
        MimeMessage mime = new FixedIdMimeMessage(SESSION, messageId(message.id()));
        mime.setFrom(from);
        mime.setRecipient(RecipientType.TO, new InternetAddress(message.recipient(), true));
        mime.setSubject(message.subject(), UTF_8);
        mime.setSentDate(new Date());
        listUnsubscribe(message, mime);
        if (message.htmlBody() != null && message.textBody() != null) {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.textBody(), UTF_8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.htmlBody(), UTF_8, "html");
            // clients show the last part they understand, so the richer one goes last (RFC 2046 5.1.4)
            mime.setContent(new MimeMultipart("alternative", text, html));
        } else if (message.htmlBody() != null) {
            mime.setText(message.htmlBody(), UTF_8, "html");
        } else {
            mime.setText(message.textBody() == null ? "" : message.textBody(), UTF_8, "plain");
        }
        mime.saveChanges();
        return mime;
    }

    /**
     * Marketing mail names where to unsubscribe ({@code List-Unsubscribe}, RFC 2369) and that a single POST does it
     * without any further step ({@code List-Unsubscribe-Post}, RFC 8058), so mail clients can offer the button.
     */
    private static void listUnsubscribe(OutboxMessage message, MimeMessage mime) throws MessagingException {
        OutboxMessage.Unsubscribe unsubscribe = message.unsubscribe();
        if (!message.marketing() || unsubscribe == null || unsubscribe.url() == null) {
            return;
        }
        if (!HTTP_URL.matcher(unsubscribe.url()).matches()) {
            throw new IllegalArgumentException("unsubscribe URL must be a plain http(s) URL: " + unsubscribe.url());
        }
        String header = "<" + unsubscribe.url() + ">";
        if (unsubscribe.mailto() != null && !unsubscribe.mailto().isBlank()) {
            if (!MAILTO_URL.matcher(unsubscribe.mailto()).matches()) {
                throw new IllegalArgumentException(
                        "unsubscribe mailto must be a plain mailto URL: " + unsubscribe.mailto());
            }
            header = "<" + unsubscribe.mailto() + ">, " + header;
        }
        mime.setHeader("List-Unsubscribe", header);
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    /** The message as it would travel over SMTP, e.g. for an {@code .eml} file. */
    public static byte[] toRfc822(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot serialise e-mail " + messageIdOf(message), e);
        }
    }

    private static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return "?";
        }
    }

    /**
     * {@link MimeMessage#saveChanges()} normally replaces the Message-ID with a random one (and JavaMail calls it
     * again before writing or sending); this keeps ours, so a retried message stays recognisable as the same one.
     */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
