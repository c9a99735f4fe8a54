package io.cxloop.engine.security.internal;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Runs identity-service calls as the engine itself, i.e. without a user whose authorizations would apply. */
final class EngineIdentity {

    private EngineIdentity() {}

    static <T> T asEngine(IdentityService identity, Supplier<T> work) {
        Authentication current = identity.getCurrentAuthentication();
        if (current == null) {
            return work.get();
        }
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            identity.setAuthentication(current);
        }
    }
}
