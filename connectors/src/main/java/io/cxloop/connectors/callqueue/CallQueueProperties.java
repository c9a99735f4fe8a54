package io.cxloop.connectors.callqueue;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Call-back requests for the call center. The broker is the application's JMS connection factory: the embedded
 * Artemis by default, an external one with {@code spring.artemis.mode=native} and {@code spring.artemis.broker-url}.
 *
 * @param queue the queue the call center (or its CTI) consumes
 * @param priorities JMS priority (0–9, higher first) by message kind, e.g. {@code detractor-callback: 8}
 * @param defaultPriority for kinds without an entry
 * @param capacityPerHour how many call-backs the call center takes per hour; the outbox feeds the queue no faster
 *     (empty: no limit)
 * @param businessHours when the call center works, e.g. {@code 08:00-18:00}; outside, call-backs wait in the outbox
 *     (empty: always)
 * @param businessDays the days it works (empty: every day)
 * @param timezone the zone of the business hours
 */
@ConfigurationProperties("cxloop.call-queue")
public record CallQueueProperties(
        @DefaultValue("cxloop.call-queue") String queue,
        Map<String, Integer> priorities,
        @DefaultValue("4") int defaultPriority,
        Integer capacityPerHour,
        String businessHours,
        Set<DayOfWeek> businessDays,
        @DefaultValue("UTC") ZoneId timezone) {

    public CallQueueProperties {
        priorities = priorities == null ? Map.of() : Map.copyOf(priorities);
        businessDays = businessDays == null || businessDays.isEmpty()
                ? EnumSet.allOf(DayOfWeek.class)
                : Set.copyOf(businessDays);
        timezone = timezone == null ? ZoneId.of("UTC") : timezone;
        if (capacityPerHour != null && capacityPerHour < 0) {
            throw new IllegalArgumentException(
                    "cxloop.call-queue.capacity-per-hour must not be negative: " + capacityPerHour);
        }
        if (businessHours != null && !businessHours.isBlank()) {
            CallQueueThrottle.parseHours(businessHours);
        }
        if (queue == null || !queue.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("cxloop.call-queue.queue is no queue name: " + queue);
        }
        requirePriority("cxloop.call-queue.default-priority", defaultPriority);
        priorities.forEach((kind, priority) -> requirePriority("cxloop.call-queue.priorities." + kind, priority));
    }

    /** The message's own priority if it has one, else its kind's, else the default. */
    public int priorityOf(String kind, Integer own) {
        if (own != null) {
            return Math.max(0, Math.min(9, own));
        }
        return kind == null ? defaultPriority : priorities.getOrDefault(kind, defaultPriority);
    }

    /** The throttle these settings describe. */
    public CallQueueThrottle throttle() {
        return new CallQueueThrottle(capacityPerHour, businessHours, businessDays, timezone);
    }

    private static void requirePriority(String name, Integer priority) {
        if (priority == null || priority < 0 || priority > 9) {
            throw new IllegalArgumentException(name + " must be a JMS priority 0..9: " + priority);
        }
    }
}
