package io.cxloop.connectors.email;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail delivery settings. The SMTP server itself is configured with the standard {@code spring.mail.*} properties;
 * without {@code spring.mail.host} e-mails go to the sandbox directory instead.
 *
 * @param from sender address, e.g. {@code "Shop Service <service@shop.example>"}
 * @param sandboxDir where e-mails are written as {@code {outboxId}.eml} when no SMTP server is configured
 * @param journal a mailbox that receives a Bcc of every e-mail, so that a send whose outcome was lost (the dispatcher
 *     died after the SMTP server accepted the message) can be recognised instead of repeated; optional
 */
@ConfigurationProperties("cxloop.email")
public record EmailProperties(
        @DefaultValue("cxloop <noreply@localhost>") String from,
        @DefaultValue("./data/outbox") Path sandboxDir,
        Journal journal) {

    /**
     * The journal mailbox and how to read it.
     *
     * @param address the journal's address (added as Bcc); without it there is no journal
     * @param protocol {@code imap} or {@code imaps}
     * @param folder the folder the journal copies arrive in
     */
    public record Journal(
            String address,
            @DefaultValue("imap") String protocol,
            String host,
            Integer port,
            String username,
            String password,
            @DefaultValue("INBOX") String folder) {

        public boolean enabled() {
            return address != null && !address.isBlank() && host != null && !host.isBlank();
        }

        @Override
        public String toString() {
            return "Journal[" + address + " via " + protocol + "://" + host + ":" + port + "/" + folder + ", username="
                    + username + ", password=" + (password == null ? null : "***") + "]";
        }
    }
}
