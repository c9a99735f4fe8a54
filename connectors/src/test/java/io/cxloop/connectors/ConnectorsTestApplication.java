package io.cxloop.connectors;

import io.cxloop.connectors.outbox.InMemoryOutboxStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The connectors as the engine wires them, with an in-memory outbox instead of the database. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ConnectorsConfiguration.class)
public class ConnectorsTestApplication {

    /** {@code test.outbox.max-attempts} (default 1) makes failed messages due again, as the engine's retries do. */
    @Bean
    InMemoryOutboxStore outboxStore(@Value("${test.outbox.max-attempts:1}") int maxAttempts) {
        return new InMemoryOutboxStore(maxAttempts);
    }
}
