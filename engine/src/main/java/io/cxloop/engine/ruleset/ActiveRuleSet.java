package io.cxloop.engine.ruleset;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The version of one rule set that decides right now. Activation swaps it in one atomic step: a decision reads it once
 * and finishes on the engine it read, so decisions neither pause nor fail while another version takes over.
 *
 * @param <E> the compiled decision engine
 */
public final class ActiveRuleSet<E> {

    /**
     * An engine and where it came from.
     *
     * @param version the uploaded version, null for the built-in one
     * @param activationId the activation that made it active, null for the built-in one when nothing was activated
     */
    public record Deployed<E>(E engine, String label, Integer version, Long activationId) {}

    private final AtomicReference<Deployed<E>> current;

    public ActiveRuleSet(Deployed<E> initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    public Deployed<E> current() {
        return current.get();
    }

    public E engine() {
        return current.get().engine();
    }

    void swap(Deployed<E> next) {
        current.set(Objects.requireNonNull(next));
    }
}
