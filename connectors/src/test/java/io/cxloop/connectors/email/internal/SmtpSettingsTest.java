package io.cxloop.connectors.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mail.MailProperties;

class SmtpSettingsTest {

    @Test
    void withoutHostThereIsNoSmtpServer() {
        assertThat(SmtpSettings.from(new MailProperties())).isEmpty();
    }

    @Test
    void startTlsAndOtherJavaMailPropertiesArePassedOn() {
        MailProperties mail = submissionServer();
        mail.getProperties().put("mail.smtp.starttls.enable", "true");
        mail.getProperties().put("mail.smtp.starttls.required", "true");

        SmtpSettings smtp = SmtpSettings.from(mail).orElseThrow();

        assertThat(smtp.uri()).isEqualTo("smtp://smtp.shop.example:587");
        assertThat(smtp.username()).isEqualTo("cxloop");
        assertThat(smtp.password()).isEqualTo("s3cret");
        assertThat(smtp.javaMailProperties())
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true");
        assertThat(smtp.toString()).doesNotContain("s3cret");
    }

    @Test
    void smtpsProtocolOrSslMeansImplicitTls() {
        MailProperties smtpsProtocol = submissionServer();
        smtpsProtocol.setProtocol("smtps");
        MailProperties sslEnabled = submissionServer();
        sslEnabled.getSsl().setEnabled(true);

        assertThat(SmtpSettings.from(smtpsProtocol).orElseThrow().scheme()).isEqualTo("smtps");
        assertThat(SmtpSettings.from(sslEnabled).orElseThrow().scheme()).isEqualTo("smtps");
        assertThat(SmtpSettings.from(submissionServer()).orElseThrow().scheme()).isEqualTo("smtp");
    }

    private static MailProperties submissionServer() {
        MailProperties mail = new MailProperties();
        mail.setHost("smtp.shop.example");
        mail.setPort(587);
        mail.setUsername("cxloop");
        mail.setPassword("s3cret");
        return mail;
    }
}
