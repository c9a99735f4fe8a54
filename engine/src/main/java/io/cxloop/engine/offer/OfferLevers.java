package io.cxloop.engine.offer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * The analysts' levers per offer kind (and trigger); a kind without one has lever 1.
 *
 * @param updatedAt when they were last set; null: never
 * @param updatedBy who set them; null: never
 */
public record OfferLevers(List<OfferLever> levers, Instant updatedAt, String updatedBy) {

    /** What {@code PUT /api/offers/levers} takes: the whole set, replacing the one before. */
    public record Request(@NotNull List<@NotNull @Valid OfferLever> levers) {}
}
