package io.cxloop.engine.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class SecurityContextAuthenticationProviderTest {

    private final SecurityContextAuthenticationProvider provider = new SecurityContextAuthenticationProvider();

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void camundaSeesTheLoggedInUserWithTheirGroups() {
        CamundaPrincipal principal = new CamundaPrincipal("alex", List.of("ANALYST", "sales"));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        principal, null, AuthorityUtils.createAuthorityList("ROLE_ANALYST")));

        AuthenticationResult result = provider.extractAuthenticatedUser(new MockHttpServletRequest(), null);

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthenticatedUser()).isEqualTo("alex");
        assertThat(result.getGroups()).containsExactly("ANALYST", "sales");
        assertThat(result.getTenants()).isNull();
    }

    @Test
    void anotherKindOfLoginLeavesTheGroupsToCamunda() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alex", null, List.of()));

        AuthenticationResult result = provider.extractAuthenticatedUser(new MockHttpServletRequest(), null);

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getGroups()).isNull();
    }

    @Test
    void nobodyOrAnonymousIsNotAuthenticated() {
        assertThat(provider.extractAuthenticatedUser(new MockHttpServletRequest(), null)
                        .isAuthenticated())
                .isFalse();

        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(provider.extractAuthenticatedUser(new MockHttpServletRequest(), null)
                        .isAuthenticated())
                .isFalse();
    }
}
