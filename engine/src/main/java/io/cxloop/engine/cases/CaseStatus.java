package io.cxloop.engine.cases;

import java.util.EnumSet;
import java.util.Set;

/** Where a feedback case stands. A case is open until it is {@link #CLOSED} or {@link #CLOSED_UNCONFIRMED}. */
public enum CaseStatus {
    /** Opened, waiting for an agent of its team to contact the customer. */
    OPEN,
    /** The SLA was missed or the follow-up showed no improvement; the escalation group owns it. */
    ESCALATED,
    /** The agent contacted the customer; the follow-up survey is pending. */
    CONTACTED,
    /** The follow-up survey showed no improvement; the case is worked again. */
    REOPENED,
    /** The follow-up survey confirmed the problem is solved: the loop is closed. */
    CLOSED,
    /** The customer did not answer the follow-up survey in time. */
    CLOSED_UNCONFIRMED;

    public static final Set<CaseStatus> OPEN_STATES = EnumSet.of(OPEN, ESCALATED, CONTACTED, REOPENED);

    public boolean isOpen() {
        return OPEN_STATES.contains(this);
    }
}
