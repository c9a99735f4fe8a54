package io.cxloop.engine.survey;

import static io.cxloop.engine.persistence.JdbcTime.instant;
import static io.cxloop.engine.persistence.JdbcTime.utc;

import io.cxloop.engine.journey.JourneyEventType;
import io.cxloop.engine.web.InvalidFieldException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The survey invitation after each journey event, as marketers set it at runtime like reconnect triggers: on or off
 * and the delay. Read from the database on every event, so a change applies at once on every node; an event a
 * marketer never changed follows the application's {@code cxloop.surveys.after-events} and {@code delays}.
 */
@Service
public class InvitationSettings {

    /** The events an invitation can follow (each has a touchpoint to rate). */
    public static final Set<JourneyEventType> EVENTS =
            Set.of(JourneyEventType.PURCHASE_COMPLETED, JourneyEventType.DELIVERED, JourneyEventType.SERVICE_CONTACT);

    private static final Duration LONGEST_DELAY = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final SurveyProperties properties;
    private final Clock clock;

    public InvitationSettings(JdbcClient jdbc, SurveyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every event's setting, in the order of the event types. */
    @Transactional(readOnly = true)
    public List<InvitationSetting> all() {
        Map<JourneyEventType, InvitationSetting> changed =
                changed(null).stream().collect(Collectors.toMap(InvitationSetting::event, Function.identity()));
        return Arrays.stream(JourneyEventType.values())
                .filter(EVENTS::contains)
                .map(event -> changed.getOrDefault(event, configured(event)))
                .toList();
    }

    /** The setting that applies to an event now. */
    @Transactional(readOnly = true)
    public InvitationSetting forEvent(JourneyEventType event) {
        if (!EVENTS.contains(event)) {
            return new InvitationSetting(event, false, Duration.ZERO, "configured", null, null);
        }
        return changed(event).stream().findFirst().orElseGet(() -> configured(event));
    }

    /** A marketer's change: applies to the next event. */
    @Transactional
    public InvitationSetting change(String event, Boolean active, String delay, String user) {
        JourneyEventType type = event(event);
        if (active == null) {
            throw new InvalidFieldException("active", "must be true or false");
        }
        Duration wait = delay(delay);
        jdbc.sql("delete from survey_invitation_setting where event_type = ?")
                .param(type.name())
                .update();
        jdbc.sql(
                        """
                insert into survey_invitation_setting (event_type, active, delay_iso, updated_at, updated_by)
                values (?, ?, ?, ?, ?)""")
                .params(type.name(), active, wait.toString(), utc(clock.instant()), user)
                .update();
        return forEvent(type);
    }

    /** Back to the application's configuration for the event. */
    @Transactional
    public InvitationSetting reset(String event) {
        JourneyEventType type = event(event);
        jdbc.sql("delete from survey_invitation_setting where event_type = ?")
                .param(type.name())
                .update();
        return configured(type);
    }

    private InvitationSetting configured(JourneyEventType event) {
        return new InvitationSetting(
                event,
                properties.afterEvents().contains(event),
                properties.delayAfter(event),
                "configured",
                null,
                null);
    }

    private List<InvitationSetting> changed(JourneyEventType event) {
        return jdbc.sql("select event_type, active, delay_iso, updated_at, updated_by from survey_invitation_setting"
                        + (event == null ? "" : " where event_type = ?"))
                .params(event == null ? List.of() : List.of(event.name()))
                .query((rs, n) -> new InvitationSetting(
                        JourneyEventType.valueOf(rs.getString("event_type")),
                        rs.getBoolean("active"),
                        Duration.parse(rs.getString("delay_iso")),
                        "changed",
                        instant(rs, "updated_at"),
                        rs.getString("updated_by")))
                .list();
    }

    private static JourneyEventType event(String event) {
        JourneyEventType type = Arrays.stream(JourneyEventType.values())
                .filter(t -> t.name().equals(event))
                .findFirst()
                .orElse(null);
        if (type == null || !EVENTS.contains(type)) {
            throw new InvalidFieldException(
                    "event",
                    "must be one of "
                            + EVENTS.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))
                            + ", was '" + event + "'");
        }
        return type;
    }

    private static Duration delay(String delay) {
        if (delay == null || delay.isBlank()) {
            throw new InvalidFieldException("delay", "must be an ISO-8601 duration such as PT0S, PT4H or P2D");
        }
        Duration wait;
        try {
            wait = Duration.parse(delay);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    "delay", "must be an ISO-8601 duration such as PT0S, PT4H or P2D, was '" + delay + "'");
        }
        if (wait.isNegative() || wait.compareTo(LONGEST_DELAY) > 0) {
            throw new InvalidFieldException("delay", "must be between PT0S and P90D, was '" + delay + "'");
        }
        return wait;
    }
}
