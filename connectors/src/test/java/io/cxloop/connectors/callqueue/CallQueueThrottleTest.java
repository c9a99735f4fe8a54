package io.cxloop.connectors.callqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CallQueueThrottleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final CallQueueThrottle CALL_CENTER =
            new CallQueueThrottle(10, "08:00-18:00", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), BERLIN);

    /** Monday, 23 November 2026, in Berlin (CET, UTC+1). */
    private static Instant monday(String localTime) {
        return Instant.parse("2026-11-23T" + localTime + ":00Z").minusSeconds(3600);
    }

    @Test
    void withinBusinessHoursTheCapacityLeftInTheHourIsAllowed() {
        assertThat(CALL_CENTER.allowance(monday("09:00"), 0)).isEqualTo(10);
        assertThat(CALL_CENTER.allowance(monday("09:00"), 7)).isEqualTo(3);
        assertThat(CALL_CENTER.allowance(monday("09:00"), 10)).isZero();
        assertThat(CALL_CENTER.allowance(monday("09:00"), 12)).isZero();
    }

    @Test
    void outsideBusinessHoursOrDaysNothingIsAllowed() {
        assertThat(CALL_CENTER.allowance(monday("07:59"), 0)).isZero();
        assertThat(CALL_CENTER.allowance(monday("08:00"), 0)).isEqualTo(10);
        assertThat(CALL_CENTER.allowance(monday("18:00"), 0)).isZero();
        Instant saturdayNoon = monday("12:00").plusSeconds(5 * 24 * 3600);
        assertThat(CALL_CENTER.allowance(saturdayNoon, 0)).isZero();
    }

    @Test
    void withoutSettingsNothingIsHeldBack() {
        CallQueueThrottle none = CallQueueThrottle.none();

        assertThat(none.limits()).isFalse();
        assertThat(none.allowance(monday("03:00"), 5000)).isEqualTo(Integer.MAX_VALUE);
        assertThat(CALL_CENTER.limits()).isTrue();
    }

    @Test
    void businessHoursMustBeReadable() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CallQueueThrottle(null, "8 to 6", null, BERLIN));
        assertThatIllegalArgumentException().isThrownBy(() -> new CallQueueThrottle(null, "18:00-08:00", null, BERLIN));
    }
}
