package io.cxloop.engine.offer;

import java.time.Instant;

/** A personal offer code: unique, stored, with an expiry. */
public record IssuedOfferCode(
        String code,
        String customerId,
        String campaignId,
        String decisionId,
        int percent,
        boolean freeExpressShipping,
        Instant issuedAt,
        Instant expiresAt) {}
