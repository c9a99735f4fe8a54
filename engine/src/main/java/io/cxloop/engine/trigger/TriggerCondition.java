package io.cxloop.engine.trigger;

import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/**
 * When a trigger's event starts a campaign. Empty means always.
 *
 * @param minCartValue the event's {@code cartValue} must be at least this (events without a cart value don't match)
 */
public record TriggerCondition(@PositiveOrZero BigDecimal minCartValue) {

    public boolean matches(BigDecimal cartValue) {
        return minCartValue == null || (cartValue != null && cartValue.compareTo(minCartValue) >= 0);
    }
}
