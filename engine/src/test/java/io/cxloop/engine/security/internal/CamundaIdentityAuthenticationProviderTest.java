package io.cxloop.engine.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

class CamundaIdentityAuthenticationProviderTest {

    private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    private final CamundaIdentityAuthenticationProvider provider =
            new CamundaIdentityAuthenticationProvider(() -> identity);

    @Test
    void aMarketerWithTheRightPasswordIsAMarketer() {
        when(identity.checkPassword("mia", "secret")).thenReturn(true);
        List<Group> groups = List.of(group("MARKETER"), group("sales"));
        when(identity.createGroupQuery().groupMember("mia").list()).thenReturn(groups);

        var result = provider.authenticate(login("mia", "secret"));

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getName()).isEqualTo("mia");
        assertThat(result.getCredentials()).isNull();
        assertThat(result.getPrincipal()).isEqualTo(new CamundaPrincipal("mia", List.of("MARKETER", "sales")));
        assertThat(result.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_MARKETER");
    }

    @Test
    void aWrongPasswordIsRejected() {
        when(identity.checkPassword("mia", "guess")).thenReturn(false);

        assertThatThrownBy(() -> provider.authenticate(login("mia", "guess")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anEmptyPasswordIsRejectedWithoutAskingCamunda() {
        assertThatThrownBy(() -> provider.authenticate(login("mia", ""))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login(" ", "secret")))
                .isInstanceOf(BadCredentialsException.class);
        verify(identity, never()).checkPassword(anyString(), anyString());
    }

    @Test
    void identityQueriesRunAsTheEngineAndRestoreTheCurrentUser() {
        Authentication current = new Authentication("someone", List.of("AGENT"));
        when(identity.getCurrentAuthentication()).thenReturn(current);
        when(identity.checkPassword("mia", "secret")).thenReturn(true);
        when(identity.createGroupQuery().groupMember("mia").list()).thenReturn(List.of());

        provider.authenticate(login("mia", "secret"));

        InOrder order = inOrder(identity);
        order.verify(identity).clearAuthentication();
        order.verify(identity).checkPassword("mia", "secret");
        order.verify(identity).setAuthentication(current);
    }

    @Test
    void aRepeatedLoginWithTheSamePasswordIsTakenFromTheCache() {
        CamundaIdentityAuthenticationProvider caching = new CamundaIdentityAuthenticationProvider(
                () -> identity, new AuthenticationCache(Duration.ofMinutes(1)));
        when(identity.checkPassword("mia", "secret")).thenReturn(true);
        List<Group> groups = List.of(group("MARKETER"));
        when(identity.createGroupQuery().groupMember("mia").list()).thenReturn(groups);

        caching.authenticate(login("mia", "secret"));
        var again = caching.authenticate(login("mia", "secret"));

        verify(identity, times(1)).checkPassword("mia", "secret");
        assertThat(again.getPrincipal()).isEqualTo(new CamundaPrincipal("mia", List.of("MARKETER")));
        assertThat(again.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_MARKETER");
    }

    @Test
    void aWrongPasswordAfterACachedLoginStillReachesCamundaAndEndsTheCachedLogin() {
        CamundaIdentityAuthenticationProvider caching = new CamundaIdentityAuthenticationProvider(
                () -> identity, new AuthenticationCache(Duration.ofMinutes(1)));
        when(identity.checkPassword("mia", "secret")).thenReturn(true);
        when(identity.checkPassword("mia", "guess")).thenReturn(false);
        when(identity.createGroupQuery().groupMember("mia").list()).thenReturn(List.of());
        caching.authenticate(login("mia", "secret"));

        assertThatThrownBy(() -> caching.authenticate(login("mia", "guess")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> caching.authenticate(login("mia", "guess")))
                .isInstanceOf(BadCredentialsException.class);
        caching.authenticate(login("mia", "secret"));

        // every failure counted by Camunda; the right password asked again after a failure (the user may be locked)
        verify(identity, times(2)).checkPassword("mia", "guess");
        verify(identity, times(2)).checkPassword("mia", "secret");
    }

    private static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private static Group group(String id) {
        Group group = mock(Group.class);
        when(group.getId()).thenReturn(id);
        return group;
    }
}
