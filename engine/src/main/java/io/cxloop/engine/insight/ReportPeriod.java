package io.cxloop.engine.insight;

import io.cxloop.engine.web.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The half-open period {@code [from, to)} a report covers. Both ends are ISO-8601 instants
 * ({@code 2031-02-03T10:00:00Z}) or dates ({@code 2031-02-03}, UTC); a date as {@code to} includes that whole day.
 * Without {@code to} the period ends now, without {@code from} it starts {@link #DEFAULT_LENGTH} before its end.
 */
public record ReportPeriod(Instant from, Instant to) {

    /** The length of a period whose start is not given. */
    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

    public ReportPeriod {
        if (!from.isBefore(to)) {
            throw new InvalidFieldException("from", "must be before to");
        }
    }

    /**
     * The period of a report request.
     *
     * @throws InvalidFieldException naming {@code from} or {@code to} when a value cannot be read or from is not
     *     before to
     */
    public static ReportPeriod of(String from, String to, Instant now) {
        Instant end = isBlank(to) ? now : parse("to", to, true);
        Instant start = isBlank(from) ? end.minus(DEFAULT_LENGTH) : parse("from", from, false);
        return new ReportPeriod(start, end);
    }

    /** Whether the instant lies in the period; null never does. */
    public boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(from) && instant.isBefore(to);
    }

    private static Instant parse(String field, String value, boolean endOfDay) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    field,
                    "must be an ISO-8601 instant (2031-02-03T10:00:00Z) or date (2031-02-03), was '" + value + "'");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
