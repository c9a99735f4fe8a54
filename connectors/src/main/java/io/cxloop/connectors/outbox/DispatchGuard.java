package io.cxloop.connectors.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * The contact policy, asked once more just before a message leaves: consent or an opt-out may have changed since the
 * message was queued, or a retry may fall into the customer's quiet hours. Implemented by the engine; without one
 * every message may go.
 */
@FunctionalInterface
public interface DispatchGuard {

    /** Lets every message go. */
    DispatchGuard ALLOW_ALL = message -> Verdict.allow();

    Verdict check(OutboxMessage message);

    /** Whether the message may be sent now; if not, why, and whether it may go later ({@code notBefore}). */
    record Verdict(boolean allowed, String reason, Instant notBefore) {

        private static final Verdict ALLOW = new Verdict(true, null, null);

        public static Verdict allow() {
            return ALLOW;
        }

        /** Never: the message is not sent. */
        public static Verdict suppress(String reason) {
            return new Verdict(false, reason, null);
        }

        /** Not now but at {@code notBefore} (e.g. after the customer's quiet hours): the message waits until then. */
        public static Verdict postpone(Instant notBefore, String reason) {
            return new Verdict(false, reason, Objects.requireNonNull(notBefore, "notBefore"));
        }

        public boolean postponed() {
            return notBefore != null;
        }
    }
}
