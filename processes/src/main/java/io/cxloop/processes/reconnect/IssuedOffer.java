package io.cxloop.processes.reconnect;

import java.time.Instant;

/** An offer code issued to a customer and the outbox message that carries it. */
public record IssuedOffer(String offerCode, String messageId, Instant expiresAt) {}
