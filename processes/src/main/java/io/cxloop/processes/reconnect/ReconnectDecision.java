package io.cxloop.processes.reconnect;

import java.time.Instant;

/**
 * A stored next-best-action decision.
 *
 * @param actionChosen false when the rules decided not to contact the customer
 * @param heldOut true when the rules chose an action but the customer is in the trigger's control group: no message,
 *     the campaign only waits until {@code controlWindowEndsAt} to record whether the goal is reached anyway
 * @param controlWindowEndsAt for a held-out customer, when the campaign stops waiting for the goal; null otherwise
 */
public record ReconnectDecision(String decisionId, boolean actionChosen, boolean heldOut, Instant controlWindowEndsAt) {

    public ReconnectDecision {
        if (heldOut && (!actionChosen || controlWindowEndsAt == null)) {
            throw new IllegalArgumentException(
                    "a held-out decision is one where an action was chosen, and it needs the end of its window");
        }
    }

    /** A decision for a customer who is not held out. */
    public ReconnectDecision(String decisionId, boolean actionChosen) {
        this(decisionId, actionChosen, false, null);
    }

    /** The rules chose an action, and the customer is held out as control until {@code controlWindowEndsAt}. */
    public static ReconnectDecision heldOut(String decisionId, Instant controlWindowEndsAt) {
        return new ReconnectDecision(decisionId, true, true, controlWindowEndsAt);
    }
}
