package io.cxloop.engine.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthenticationCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AuthenticationCache cache = new AuthenticationCache(Duration.ofSeconds(60), now::get);

    @Test
    void aLoginIsKeptForTheSamePasswordOnly() {
        cache.remember("mia", "secret", List.of("MARKETER"), cache.generation());

        assertThat(cache.groupsOf("mia", "secret")).contains(List.of("MARKETER"));
        assertThat(cache.groupsOf("mia", "Secret")).isEmpty();
        assertThat(cache.groupsOf("tom", "secret")).isEmpty();
    }

    @Test
    void aLoginExpires() {
        cache.remember("mia", "secret", List.of("MARKETER"), cache.generation());

        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.groupsOf("mia", "secret")).isPresent();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.groupsOf("mia", "secret")).isEmpty();
    }

    @Test
    void aChangeOfIdentitiesForgetsEveryLogin() {
        cache.remember("mia", "secret", List.of("MARKETER"), cache.generation());
        cache.remember("tom", "other", List.of("AGENT"), cache.generation());

        cache.invalidateAll();

        assertThat(cache.groupsOf("mia", "secret")).isEmpty();
        assertThat(cache.groupsOf("tom", "other")).isEmpty();
    }

    @Test
    void aLoginCheckedBeforeAChangeIsNotKept() {
        long before = cache.generation();
        cache.invalidateAll(); // e.g. the password changed while Camunda checked the old one

        cache.remember("mia", "old-secret", List.of("MARKETER"), before);

        assertThat(cache.groupsOf("mia", "old-secret")).isEmpty();
    }

    @Test
    void aForgottenUserMustLogInAgain() {
        cache.remember("mia", "secret", List.of("MARKETER"), cache.generation());
        cache.remember("tom", "other", List.of("AGENT"), cache.generation());

        cache.forget("mia");

        assertThat(cache.groupsOf("mia", "secret")).isEmpty();
        assertThat(cache.groupsOf("tom", "other")).isPresent();
    }

    @Test
    void aDisabledCacheKeepsNothing() {
        AuthenticationCache disabled = new AuthenticationCache(Duration.ZERO, now::get);

        disabled.remember("mia", "secret", List.of("MARKETER"), disabled.generation());

        assertThat(disabled.groupsOf("mia", "secret")).isEmpty();
    }
}
