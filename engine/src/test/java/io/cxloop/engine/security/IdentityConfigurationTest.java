package io.cxloop.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class IdentityConfigurationTest {

    private final MockEnvironment environment = new MockEnvironment();

    @Test
    void theConfiguredPasswordWins() {
        environment.setProperty("CXLOOP_ADMIN_PASSWORD", "from-the-environment");

        assertThat(IdentityConfiguration.adminPassword(properties("configured"), environment))
                .isEqualTo("configured");
    }

    @Test
    void withoutOneTheEnvironmentVariableCounts() {
        environment.setProperty("CXLOOP_ADMIN_PASSWORD", "from-the-environment");

        assertThat(IdentityConfiguration.adminPassword(properties(null), environment))
                .isEqualTo("from-the-environment");
        assertThat(IdentityConfiguration.adminPassword(properties(" "), environment))
                .isEqualTo("from-the-environment");
    }

    @Test
    void withNeitherThePasswordIsGenerated() {
        assertThat(IdentityConfiguration.adminPassword(properties(null), environment))
                .isEmpty();
    }

    @Test
    void thePasswordStaysOutOfToString() {
        assertThat(properties("configured").toString()).doesNotContain("configured");
    }

    private static CxloopSecurityProperties properties(String adminPassword) {
        return new CxloopSecurityProperties("admin", adminPassword, Duration.ofSeconds(60));
    }
}
