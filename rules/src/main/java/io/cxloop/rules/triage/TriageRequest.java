package io.cxloop.rules.triage;

import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.feedback.Topic;
import io.cxloop.rules.model.Touchpoint;
import io.cxloop.rules.model.ValueSegment;
import java.util.Objects;
import java.util.Set;

/**
 * The facts the triage rules decide on.
 *
 * @param npsClass the feedback's NPS class
 * @param topics the topics found in the comment; may be empty
 * @param valueSegment the customer's value segment; {@code null} when unknown (rows that ask for a segment do not
 *     match then)
 * @param touchpoint where the feedback was given; {@code null} when unknown
 */
public record TriageRequest(NpsClass npsClass, Set<Topic> topics, ValueSegment valueSegment, Touchpoint touchpoint) {

    public TriageRequest {
        Objects.requireNonNull(npsClass, "npsClass");
        topics = topics == null ? Set.of() : Set.copyOf(topics);
    }
}
