package io.cxloop.engine.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.cxloop.engine.message.OutboxRetryProperties.ChannelRetry;
import io.cxloop.rules.model.Channel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxRetryPropertiesTest {

    private static final OutboxRetryProperties RETRY = new OutboxRetryProperties(
            5,
            Duration.ofSeconds(10),
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Map.of(Channel.CALL_QUEUE, new ChannelRetry(8, Duration.ofMinutes(1), null)));

    @Test
    void theBackoffDoublesWithEveryAttemptUpToItsLimit() {
        assertThat(RETRY.backoffAfter(Channel.EMAIL, 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(RETRY.backoffAfter(Channel.EMAIL, 2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(RETRY.backoffAfter(Channel.EMAIL, 3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(RETRY.backoffAfter(Channel.EMAIL, 4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(RETRY.backoffAfter(Channel.EMAIL, 60)).isEqualTo(Duration.ofMinutes(1));
        assertThat(RETRY.maxAttempts(Channel.SMS)).isEqualTo(5);
    }

    @Test
    void aChannelOverridesWhatItSetsAndInheritsTheRest() {
        assertThat(RETRY.maxAttempts(Channel.CALL_QUEUE)).isEqualTo(8);
        assertThat(RETRY.backoffAfter(Channel.CALL_QUEUE, 1)).isEqualTo(Duration.ofMinutes(1));
        // its own initial backoff, the shared limit
        assertThat(RETRY.backoffAfter(Channel.CALL_QUEUE, 3)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void settingsThatWouldNeverSendAreRejectedAtStartup() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OutboxRetryProperties(
                        0, Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofMinutes(5), null))
                .withMessageContaining("max-attempts");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OutboxRetryProperties(
                        5,
                        Duration.ofSeconds(10),
                        Duration.ofHours(1),
                        Duration.ofMinutes(5),
                        Map.of(Channel.SMS, new ChannelRetry(0, null, null))))
                .withMessageContaining("channels.SMS.max-attempts");
    }
}
