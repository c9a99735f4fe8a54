package io.cxloop.connectors.callqueue;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Call-back requests for the call center. The broker is the application's JMS connection factory: the embedded
 * Artemis by default, an external one with {@code spring.artemis.mode=native} and {@code spring.artemis.broker-url}.
 *
 * @param queue the queue the call center (or its CTI) consumes
 * @param priorities JMS priority (0–9, higher first) by message kind, e.g. {@code detractor-callback: 8}
 * @param defaultPriority for kinds without an entry
 */
@ConfigurationProperties("cxloop.call-queue")
public record CallQueueProperties(
        @DefaultValue("cxloop.call-queue") String queue,
        Map<String, Integer> priorities,
        @DefaultValue("4") int defaultPriority) {

    public CallQueueProperties {
        priorities = priorities == null ? Map.of() : Map.copyOf(priorities);
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

    private static void requirePriority(String name, Integer priority) {
        if (priority == null || priority < 0 || priority > 9) {
            throw new IllegalArgumentException(name + " must be a JMS priority 0..9: " + priority);
        }
    }
}
