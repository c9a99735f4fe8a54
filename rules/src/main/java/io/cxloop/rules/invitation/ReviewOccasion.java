package io.cxloop.rules.invitation;

import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.model.Touchpoint;
import java.util.Objects;

/**
 * A customer's rating after which they may be invited to write a review or recommend us (advocacy, seed 001).
 *
 * @param touchpoint the touchpoint they rated
 */
public record ReviewOccasion(String feedbackId, NpsClass npsClass, Touchpoint touchpoint) {

    public ReviewOccasion {
        Objects.requireNonNull(npsClass, "npsClass");
    }
}
