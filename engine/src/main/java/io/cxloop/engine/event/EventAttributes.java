package io.cxloop.engine.event;

import io.cxloop.rules.model.Touchpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a journey event carries: the cart, and where the event happened.
 *
 * @param touchpoint where it happened, e.g. {@code CALL_CENTER} for a service contact by phone or {@code STORE} for a
 *     purchase in a store; a survey after the event asks about this touchpoint. Absent: the event type's usual one
 *     ({@code WEB_SHOP} for a purchase, {@code DELIVERY} for a delivery, {@code CALL_CENTER} for a service contact)
 */
public record EventAttributes(
        @PositiveOrZero BigDecimal cartValue,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        List<@Valid CartItem> items,
        Touchpoint touchpoint) {

    /** A cart, without a touchpoint. */
    public EventAttributes(BigDecimal cartValue, String currency, List<CartItem> items) {
        this(cartValue, currency, items, null);
    }

    /** One line of a cart. */
    public record CartItem(
            @NotBlank String sku, String name, @Positive Integer quantity, @PositiveOrZero BigDecimal price) {}
}
