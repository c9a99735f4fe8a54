package io.cxloop.engine.offer;

import io.cxloop.rules.model.OfferKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * An analysts' business lever: the priority of every offer of this kind is multiplied by it, in every trigger's
 * decisions or in one trigger's only (which then wins over the lever for every trigger).
 *
 * @param trigger a trigger's key; null: every trigger
 * @param lever 0 (never chosen while another offer is eligible) to 100; 1 is neutral
 */
public record OfferLever(
        @NotNull OfferKind kind, String trigger, @NotNull @PositiveOrZero @DecimalMax("100") Double lever) {}
