package io.cxloop.engine.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.List;

/** What a journey event carries about the cart. */
public record EventAttributes(
        @PositiveOrZero BigDecimal cartValue,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        List<@Valid CartItem> items) {

    /** One line of a cart. */
    public record CartItem(
            @NotBlank String sku, String name, @Positive Integer quantity, @PositiveOrZero BigDecimal price) {}
}
