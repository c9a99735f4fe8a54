package io.cxloop.connectors;

import io.cxloop.connectors.callqueue.CallQueueProperties;
import io.cxloop.connectors.callqueue.CallQueueRoutes;
import io.cxloop.connectors.email.EmailProperties;
import io.cxloop.connectors.email.EmailRoutes;
import io.cxloop.connectors.outbox.DispatchGuard;
import io.cxloop.connectors.outbox.OutboxDispatcherRoutes;
import io.cxloop.connectors.outbox.OutboxProperties;
import io.cxloop.connectors.outbox.OutboxStore;
import io.cxloop.connectors.outbox.OutboxWakeUp;
import io.cxloop.connectors.sms.SmsProperties;
import io.cxloop.connectors.sms.SmsRoutes;
import io.cxloop.connectors.template.MessageTemplates;
import io.cxloop.connectors.template.TemplatesProperties;
import io.cxloop.connectors.template.ThymeleafMessageTemplates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Everything the connectors module contributes; the engine imports it and provides an {@link OutboxStore}, a JMS
 * connection factory (for the call queue) and, optionally, a {@link DispatchGuard}. The RouteBuilder beans are picked
 * up by camel-spring-boot.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    EmailProperties.class,
    SmsProperties.class,
    CallQueueProperties.class,
    OutboxProperties.class,
    TemplatesProperties.class,
    MailProperties.class
})
public class ConnectorsConfiguration {

    @Bean
    MessageTemplates messageTemplates(TemplatesProperties properties) {
        return new ThymeleafMessageTemplates(properties);
    }

    @Bean
    EmailRoutes emailRoutes(EmailProperties email, MailProperties mail) {
        return new EmailRoutes(email, mail);
    }

    @Bean
    SmsRoutes smsRoutes(SmsProperties properties) {
        return new SmsRoutes(properties);
    }

    @Bean
    CallQueueRoutes callQueueRoutes(CallQueueProperties properties) {
        return new CallQueueRoutes(properties);
    }

    /** The engine calls it when a transaction that queued a message has committed. */
    @Bean
    OutboxWakeUp outboxWakeUp() {
        return new OutboxWakeUp();
    }

    @Bean
    OutboxDispatcherRoutes outboxDispatcherRoutes(
            OutboxStore store, OutboxProperties properties, ObjectProvider<DispatchGuard> guard, OutboxWakeUp wakeUp) {
        return new OutboxDispatcherRoutes(
                store, properties, guard.getIfAvailable(() -> DispatchGuard.ALLOW_ALL), wakeUp);
    }
}
