package io.cxloop.engine.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.connectors.outbox.OutboxWakeUp;
import io.cxloop.engine.message.OutboxRepository.MessageQueued;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox dispatcher hears of a message queued due now only once the queuing transaction has committed (before,
 * its claim would not see the row), never of one that was rolled back, and at once when there was no transaction.
 */
@SpringJUnitConfig(OutboxWakeUpsIT.Config.class)
class OutboxWakeUpsIT {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    CountingWakeUp wakeUp;

    @BeforeEach
    void reset() {
        wakeUp.count.set(0);
    }

    @Test
    void theDispatcherIsWokenWhenTheQueuingTransactionCommitsAndNotBefore() {
        int duringTransaction = transaction.execute(status -> {
            events.publishEvent(new MessageQueued("m-1"));
            return wakeUp.count.get();
        });

        assertThat(duringTransaction).isZero();
        assertThat(wakeUp.count).hasValue(1);
    }

    @Test
    void aRolledBackMessageWakesNoOne() {
        transaction.executeWithoutResult(status -> {
            events.publishEvent(new MessageQueued("m-2"));
            status.setRollbackOnly();
        });

        assertThat(wakeUp.count).hasValue(0);
    }

    @Test
    void aMessageQueuedOutsideATransactionWakesTheDispatcherAtOnce() {
        events.publishEvent(new MessageQueued("m-3"));

        assertThat(wakeUp.count).hasValue(1);
    }

    static class CountingWakeUp extends OutboxWakeUp {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void messageDue() {
            count.incrementAndGet();
            super.messageDue();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Config {

        @Bean
        DataSource dataSource() {
            return new EmbeddedDatabaseBuilder()
                    .setType(EmbeddedDatabaseType.H2)
                    .generateUniqueName(true)
                    .build();
        }

        @Bean
        DataSourceTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        TransactionTemplate transactionTemplate(DataSourceTransactionManager transactionManager) {
            return new TransactionTemplate(transactionManager);
        }

        @Bean
        CountingWakeUp wakeUp() {
            return new CountingWakeUp();
        }

        @Bean
        OutboxWakeUps outboxWakeUps(CountingWakeUp wakeUp) {
            return new OutboxWakeUps(wakeUp);
        }
    }
}
