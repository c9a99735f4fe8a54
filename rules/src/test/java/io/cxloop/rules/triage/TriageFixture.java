package io.cxloop.rules.triage;

import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.feedback.Topic;
import io.cxloop.rules.model.Touchpoint;
import io.cxloop.rules.model.ValueSegment;
import java.util.Set;

/** Feedback to triage, named like the business case: {@code detractor().valued(HIGH).about(BILLING).at(WEB_SHOP)}. */
record TriageFixture(NpsClass npsClass, Set<Topic> topics, ValueSegment valueSegment, Touchpoint touchpoint) {

    static TriageFixture detractor() {
        return new TriageFixture(NpsClass.DETRACTOR, Set.of(), null, null);
    }

    static TriageFixture passive() {
        return new TriageFixture(NpsClass.PASSIVE, Set.of(), null, null);
    }

    static TriageFixture promoter() {
        return new TriageFixture(NpsClass.PROMOTER, Set.of(), null, null);
    }

    TriageFixture valued(ValueSegment segment) {
        return new TriageFixture(npsClass, topics, segment, touchpoint);
    }

    TriageFixture about(Topic... topics) {
        return new TriageFixture(npsClass, Set.of(topics), valueSegment, touchpoint);
    }

    TriageFixture at(Touchpoint touchpoint) {
        return new TriageFixture(npsClass, topics, valueSegment, touchpoint);
    }

    TriageRequest request() {
        return new TriageRequest(npsClass, topics, valueSegment, touchpoint);
    }
}
