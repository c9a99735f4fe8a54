package io.cxloop.engine.event;

import io.cxloop.engine.journey.JourneyEventType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Body of {@code POST /api/events}: something that happened on a customer's journey. */
public record JourneyEventRequest(
        @NotBlank @Size(max = 100) String eventId,
        @NotBlank @Size(max = 64) String customerId,
        @NotNull JourneyEventType type,
        @NotNull Instant occurredAt,
        @Valid EventAttributes attributes) {}
