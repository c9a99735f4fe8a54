package io.cxloop.engine.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Camunda who the user is by reading Spring Security's context, which Spring's filter chain has filled
 * before Camunda's filters run. Serves both Camunda's {@code ContainerBasedAuthenticationFilter} (webapps, SSO)
 * and its {@code ProcessEngineAuthenticationFilter} ({@code /engine-rest}); both create it by reflection, hence
 * the public no-argument constructor.
 */
public class SecurityContextAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        String userId = authentication.getName();
        if (userId == null || userId.isEmpty()) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(userId);
        // groups left null make Camunda query them itself
        if (authentication.getPrincipal() instanceof CamundaPrincipal principal) {
            result.setGroups(principal.groupIds());
        }
        return result;
    }
}
