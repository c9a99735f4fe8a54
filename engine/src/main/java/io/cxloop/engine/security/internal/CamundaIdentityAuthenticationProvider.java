package io.cxloop.engine.security.internal;

import io.cxloop.engine.security.Role;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Checks a user name and password against Camunda's identity service (ACT_ID_USER, salted SHA-512, with Camunda's
 * delay and lock after repeated failures) and grants the {@link Role}s of the user's Camunda groups. A login that
 * succeeded moments ago with the same password is taken from the {@link AuthenticationCache} (an API client sends its
 * credentials with every request); failures always reach Camunda.
 */
public final class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private static final String BAD_CREDENTIALS = "Bad credentials";

    // resolved per call: the process engine need not exist when Spring Security builds its filter chains
    private final Supplier<IdentityService> identityService;
    private final AuthenticationCache cache;

    /** Without a cache: every login asks Camunda. */
    public CamundaIdentityAuthenticationProvider(Supplier<IdentityService> identityService) {
        this(identityService, AuthenticationCache.disabled());
    }

    public CamundaIdentityAuthenticationProvider(Supplier<IdentityService> identityService, AuthenticationCache cache) {
        this.identityService = identityService;
        this.cache = cache;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        if (userId == null
                || userId.isBlank()
                || !(authentication.getCredentials() instanceof String password)
                || password.isEmpty()) {
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        List<String> groupIds = cache.groupsOf(userId, password).orElseGet(() -> check(userId, password));
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                new CamundaPrincipal(userId, groupIds), null, Role.authoritiesOf(groupIds));
        result.setDetails(authentication.getDetails());
        return result;
    }

    private List<String> check(String userId, String password) {
        long generation = cache.generation();
        IdentityService identity = identityService.get();
        List<String> groupIds = EngineIdentity.asEngine(identity, () -> {
            if (!identity.checkPassword(userId, password)) {
                cache.forget(userId);
                throw new BadCredentialsException(BAD_CREDENTIALS);
            }
            return identity.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId)
                    .toList();
        });
        cache.remember(userId, password, groupIds, generation);
        return groupIds;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
