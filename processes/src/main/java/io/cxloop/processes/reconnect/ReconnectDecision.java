package io.cxloop.processes.reconnect;

/**
 * A stored next-best-action decision.
 *
 * @param actionChosen false when the rules decided not to contact the customer
 */
public record ReconnectDecision(String decisionId, boolean actionChosen) {}
