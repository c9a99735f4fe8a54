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
 */
@ConfigurationProperties("cxloop.email")
public record EmailProperties(
        @DefaultValue("cxloop <noreply@localhost>") String from, @DefaultValue("./data/outbox") Path sandboxDir) {}
