package io.cxloop.connectors.outbox;

/**
 * The contact policy, asked once more just before a message leaves: consent or an opt-out may have changed since the
 * message was queued. Implemented by the engine; without one every message may go.
 */
@FunctionalInterface
public interface DispatchGuard {

    /** Lets every message go. */
    DispatchGuard ALLOW_ALL = message -> Verdict.allow();

    Verdict check(OutboxMessage message);

    /** Whether the message may be sent, and if not, why. */
    record Verdict(boolean allowed, String reason) {

        private static final Verdict ALLOW = new Verdict(true, null);

        public static Verdict allow() {
            return ALLOW;
        }

        public static Verdict suppress(String reason) {
            return new Verdict(false, reason);
        }
    }
}
