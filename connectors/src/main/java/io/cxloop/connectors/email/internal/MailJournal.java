package io.cxloop.connectors.email.internal;

import io.cxloop.connectors.email.EmailProperties;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.HeaderTerm;
import java.util.Properties;

/**
 * The journal mailbox: every e-mail goes to it as Bcc in the same SMTP transaction as to the customer. An SMTP server
 * accepts a message for all its recipients at once (one {@code DATA} command), so a journal copy with our
 * Message-ID proves the server accepted the message for the customer too. Read over IMAP.
 */
public final class MailJournal {

    private final EmailProperties.Journal settings;
    private final InternetAddress address;

    public MailJournal(EmailProperties.Journal settings) {
        this.settings = settings;
        try {
            this.address = new InternetAddress(settings.address(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("cxloop.email.journal.address is no e-mail address", e);
        }
    }

    public InternetAddress address() {
        return address;
    }

    /**
     * Whether the journal holds a message with this Message-ID.
     *
     * @throws MessagingException when the journal cannot be read: then nobody knows, and the caller must not send
     */
    public boolean contains(String messageId) throws MessagingException {
        Properties properties = new Properties();
        String protocol = settings.protocol();
        properties.put("mail." + protocol + ".connectiontimeout", "5000");
        properties.put("mail." + protocol + ".timeout", "10000");
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore(protocol)) {
            store.connect(
                    settings.host(),
                    settings.port() == null ? -1 : settings.port(),
                    settings.username(),
                    settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_ONLY);
            try {
                Message[] found = folder.search(new HeaderTerm("Message-ID", messageId));
                for (Message message : found) {
                    String[] ids = message.getHeader("Message-ID");
                    if (ids != null && ids.length > 0 && messageId.equals(ids[0].strip())) {
                        return true;
                    }
                }
                return false;
            } finally {
                folder.close(false);
            }
        }
    }
}
