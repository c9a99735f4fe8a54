package io.cxloop.engine.config;

import io.cxloop.connectors.ConnectorsConfiguration;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires the framework-free modules into the application. */
@Configuration(proxyBeanMethods = false)
@Import(ConnectorsConfiguration.class)
public class EngineConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
