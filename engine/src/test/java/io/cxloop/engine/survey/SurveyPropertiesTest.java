package io.cxloop.engine.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxloop.engine.journey.JourneyEventType;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How long after each journey event a survey invitation goes. */
class SurveyPropertiesTest {

    private static SurveyProperties withDelays(Map<JourneyEventType, Duration> delays) {
        return new SurveyProperties(
                null,
                URI.create("https://cx.shop.example"),
                Duration.ofDays(14),
                Set.of(JourneyEventType.DELIVERED),
                Duration.ofDays(30),
                delays);
    }

    @Test
    void byDefaultADeliveryIsRatedTwoDaysLaterAndEverythingElseAtOnce() {
        SurveyProperties defaults = withDelays(null);

        assertThat(defaults.delayAfter(JourneyEventType.DELIVERED)).isEqualTo(Duration.ofDays(2));
        assertThat(defaults.delayAfter(JourneyEventType.PURCHASE_COMPLETED)).isZero();
        assertThat(defaults.delayAfter(JourneyEventType.SERVICE_CONTACT)).isZero();
    }

    @Test
    void aConfiguredDelayReplacesTheDefaultOfItsEventOnly() {
        SurveyProperties configured = withDelays(Map.of(
                JourneyEventType.PURCHASE_COMPLETED,
                Duration.ofHours(1),
                JourneyEventType.SERVICE_CONTACT,
                Duration.ZERO));

        assertThat(configured.delayAfter(JourneyEventType.PURCHASE_COMPLETED)).isEqualTo(Duration.ofHours(1));
        assertThat(configured.delayAfter(JourneyEventType.DELIVERED)).isEqualTo(Duration.ofDays(2));
        assertThat(withDelays(Map.of(JourneyEventType.DELIVERED, Duration.ZERO)).delayAfter(JourneyEventType.DELIVERED))
                .isZero();
    }

    @Test
    void aNegativeDelayIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> withDelays(Map.of(JourneyEventType.DELIVERED, Duration.ofHours(-1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cxloop.surveys.delays.DELIVERED");
    }
}
