package io.cxloop.engine.trigger;

import io.cxloop.rules.model.Offer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** The incentive a trigger offers: e.g. 15 % for 24 hours with free express delivery. */
public record OfferTerms(@Min(0) @Max(100) int percent, @NotNull Duration validity, boolean freeExpressShipping) {

    public Offer toOffer() {
        return new Offer(percent, validity, freeExpressShipping);
    }
}
