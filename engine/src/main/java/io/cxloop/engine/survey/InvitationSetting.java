package io.cxloop.engine.survey;

import io.cxloop.engine.journey.JourneyEventType;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a journey event is followed by a survey invitation, and how long after it.
 *
 * @param source {@code configured} (the application's {@code cxloop.surveys.*}) or {@code changed} (by a marketer)
 * @param updatedAt when a marketer changed it; null for the configured default
 * @param updatedBy who changed it; null for the configured default
 */
public record InvitationSetting(
        JourneyEventType event, boolean active, Duration delay, String source, Instant updatedAt, String updatedBy) {}
