package io.cxloop.connectors.email.internal;

import java.util.Optional;
import java.util.Properties;
import org.springframework.boot.autoconfigure.mail.MailProperties;

/**
 * The SMTP server as the standard {@code spring.mail.*} properties describe it.
 *
 * @param scheme {@code smtp}, or {@code smtps} for implicit TLS ({@code spring.mail.protocol=smtps} or {@code
 *     spring.mail.ssl.enabled=true}); STARTTLS comes with {@code spring.mail.properties.mail.smtp.starttls.enable}
 * @param javaMailProperties {@code spring.mail.properties.*}, handed to JavaMail unchanged
 */
public record SmtpSettings(
        String scheme, String host, Integer port, String username, String password, Properties javaMailProperties) {

    /** Empty when {@code spring.mail.host} is not set: e-mail then goes to the sandbox. */
    public static Optional<SmtpSettings> from(MailProperties mail) {
        if (mail == null || mail.getHost() == null || mail.getHost().isBlank()) {
            return Optional.empty();
        }
        boolean implicitTls =
                "smtps".equalsIgnoreCase(mail.getProtocol()) || mail.getSsl().isEnabled();
        Properties javaMail = new Properties();
        javaMail.putAll(mail.getProperties());
        return Optional.of(new SmtpSettings(
                implicitTls ? "smtps" : "smtp",
                mail.getHost().strip(),
                mail.getPort(),
                mail.getUsername(),
                mail.getPassword(),
                javaMail));
    }

    /** The endpoint URI without credentials (those are set on the endpoint, so they never show up in logs). */
    public String uri() {
        return scheme + "://" + host + (port == null ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + uri() + ", username=" + username + ", password=" + (password == null ? null : "***")
                + ", javaMailProperties=" + javaMailProperties + "]";
    }
}
