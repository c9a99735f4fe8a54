package io.cxloop.engine.offer;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.OfferKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An offer as sent to {@code POST/PUT /api/offers}.
 *
 * @param percent the discount, required (1–100) for {@code DISCOUNT}, 0 or left out for the other kinds
 * @param freeExpressShipping free express delivery on top; implied by {@code FREE_SHIPPING}
 * @param weight the analysts' lever, left out: 1
 * @param costPerIssue what one issue costs against {@code budgetAmount}; required with it
 * @param controlShare 0 to 0.5 of the customers the offer is chosen for are held out as its control group; left out: 0
 */
public record OfferRequest(
        @NotBlank
                @Pattern(
                        regexp = "[a-z0-9][a-z0-9-]{0,63}",
                        message = "must be lower-case letters, digits and dashes (at most 64)")
                String offerId,
        @NotBlank @Size(max = 200) String name,
        @NotNull OfferKind kind,
        @Min(0) @Max(100) Integer percent,
        @NotNull Duration validity,
        Boolean freeExpressShipping,
        @NotNull @PositiveOrZero Double value,
        @PositiveOrZero Double weight,
        List<@NotNull Channel> channels,
        Instant activeFrom,
        Instant activeUntil,
        @Positive Integer capPerCustomer,
        Duration capWindow,
        @PositiveOrZero Long maxIssues,
        @PositiveOrZero Double budgetAmount,
        @Positive Double costPerIssue,
        @Size(max = 64) String template,
        @DecimalMin("0") @DecimalMax("0.5") BigDecimal controlShare) {}
