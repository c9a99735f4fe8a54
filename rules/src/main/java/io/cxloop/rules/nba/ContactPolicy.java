package io.cxloop.rules.nba;

import io.cxloop.rules.model.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The contact policy's settings, one for service and marketing: how many marketing messages a customer may get within
 * a window, overall and per channel, and the quiet hours (in the customer's own time zone) in which messages wait.
 *
 * @param window the period the caps count over, e.g. 7 days
 * @param marketingCap at most this many marketing messages within the window, all channels together
 * @param marketingCapPerChannel at most this many marketing messages on a channel within the window; a channel left
 *     out has only the overall cap
 * @param quietFrom quiet hours begin at this local time (inclusive)
 * @param quietUntil quiet hours end at this local time (exclusive); equal to {@code quietFrom}: no quiet hours
 */
public record ContactPolicy(
        Duration window,
        int marketingCap,
        Map<Channel, Integer> marketingCapPerChannel,
        LocalTime quietFrom,
        LocalTime quietUntil) {

    /** At most 2 marketing messages a week, one of them by SMS, one call; quiet from 21:00 to 08:00. */
    public static final ContactPolicy DEFAULT = new ContactPolicy(
            Duration.ofDays(7),
            2,
            Map.of(Channel.SMS, 1, Channel.CALL_QUEUE, 1),
            LocalTime.of(21, 0),
            LocalTime.of(8, 0));

    public ContactPolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(quietFrom, "quietFrom");
        Objects.requireNonNull(quietUntil, "quietUntil");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (marketingCap < 0) {
            throw new IllegalArgumentException("marketingCap must not be negative: " + marketingCap);
        }
        marketingCapPerChannel = marketingCapPerChannel == null || marketingCapPerChannel.isEmpty()
                ? Map.of()
                : Map.copyOf(new EnumMap<>(marketingCapPerChannel));
    }

    /** The cap of a channel; the overall cap for a channel without one of its own. */
    public int capOf(Channel channel) {
        return marketingCapPerChannel.getOrDefault(channel, marketingCap);
    }

    /**
     * When the quiet hours around {@code now} end for a customer in {@code timezone}; null when it is not quiet now.
     * Quiet hours may span midnight (21:00–08:00) or not (12:00–14:00).
     */
    public Instant quietHoursEnd(Instant now, String timezone) {
        if (quietFrom.equals(quietUntil)) {
            return null;
        }
        ZoneId zone = ZoneId.of(timezone);
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = quietFrom.isAfter(quietUntil);
        boolean quiet = overnight
                ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
        if (!quiet) {
            return null;
        }
        ZonedDateTime end = local.with(quietUntil);
        if (!end.isAfter(local)) {
            end = end.plusDays(1).with(quietUntil);
        }
        return end.toInstant();
    }
}
