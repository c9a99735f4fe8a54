package io.cxloop.engine.insight;

import java.time.Instant;

/**
 * What the case KPIs need to know of one case.
 *
 * @param group its team or assignee
 * @param open whether it is open now
 * @param resolution how it was closed ({@code LOOP_CLOSED}, {@code NOT_IMPROVED}, {@code UNCONFIRMED}), if it was
 * @param reopenedAt when a follow-up without improvement reopened it, if it did
 */
record CaseFacts(
        String group,
        boolean open,
        Instant openedAt,
        Instant firstContactAt,
        Instant closedAt,
        Instant slaDueAt,
        boolean breached,
        String resolution,
        Instant reopenedAt) {

    static final String LOOP_CLOSED = "LOOP_CLOSED";

    /** When the SLA was answered: the first contact, or the closure when no contact was recorded. */
    Instant answeredAt() {
        return firstContactAt != null ? firstContactAt : closedAt;
    }

    /** Whether the SLA can be judged at {@code now}: answered, flagged as breached or past its due time. */
    boolean slaDecided(Instant now) {
        return breached || answeredAt() != null || !slaDueAt.isAfter(now);
    }

    /** Whether the SLA was met: answered by the due time and never flagged as breached. */
    boolean slaMet() {
        return !breached && answeredAt() != null && !answeredAt().isAfter(slaDueAt);
    }
}
