package io.cxloop.connectors.callqueue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast the call queue may be fed: at most {@code capacityPerHour} call-backs in any sliding hour, and only within
 * the call center's business hours. The outbox asks it before claiming call-backs; what it does not allow waits in
 * the outbox (in priority order) for a later tick. Pure and clock-free: the caller passes the time and the count.
 */
public final class CallQueueThrottle {

    /** One hour, the window the capacity is measured in. */
    public static final Duration WINDOW = Duration.ofHours(1);

    private static final Pattern HOURS = Pattern.compile("(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})");

    private final Integer capacityPerHour;
    private final LocalTime opensAt;
    private final LocalTime closesAt;
    private final Set<DayOfWeek> days;
    private final ZoneId zone;

    /**
     * @param capacityPerHour null for no limit
     * @param businessHours {@code HH:mm-HH:mm} (closing time exclusive), null or blank for always
     * @param days business days, null or empty for every day
     */
    public CallQueueThrottle(Integer capacityPerHour, String businessHours, Set<DayOfWeek> days, ZoneId zone) {
        this.capacityPerHour = capacityPerHour;
        LocalTime[] hours = businessHours == null || businessHours.isBlank() ? null : parseHours(businessHours);
        this.opensAt = hours == null ? null : hours[0];
        this.closesAt = hours == null ? null : hours[1];
        this.days = days == null || days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
        this.zone = zone == null ? ZoneId.of("UTC") : zone;
    }

    /** A throttle that lets everything through. */
    public static CallQueueThrottle none() {
        return new CallQueueThrottle(null, null, null, null);
    }

    /** Whether this throttle can hold anything back at all. */
    public boolean limits() {
        return capacityPerHour != null || opensAt != null || days.size() < 7;
    }

    /** Whether the call center works at that moment. */
    public boolean isOpen(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        if (!days.contains(local.getDayOfWeek())) {
            return false;
        }
        if (opensAt == null) {
            return true;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(opensAt) && time.isBefore(closesAt);
    }

    /**
     * How many more call-backs may go to the queue now.
     *
     * @param dispatchedInWindow call-backs handed to the queue within the last {@link #WINDOW}
     */
    public int allowance(Instant now, int dispatchedInWindow) {
        if (!isOpen(now)) {
            return 0;
        }
        if (capacityPerHour == null) {
            return Integer.MAX_VALUE;
        }
        return Math.max(0, capacityPerHour - dispatchedInWindow);
    }

    static LocalTime[] parseHours(String businessHours) {
        Matcher matcher = HOURS.matcher(businessHours.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "cxloop.call-queue.business-hours must look like 08:00-18:00: " + businessHours);
        }
        LocalTime opens = LocalTime.parse(matcher.group(1));
        LocalTime closes = LocalTime.parse(matcher.group(2));
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException(
                    "cxloop.call-queue.business-hours must open before it closes: " + businessHours);
        }
        return new LocalTime[] {opens, closes};
    }

    @Override
    public String toString() {
        return "CallQueueThrottle[capacityPerHour=" + capacityPerHour + ", hours=" + opensAt + "-" + closesAt
                + ", days=" + days + ", zone=" + zone + "]";
    }
}
