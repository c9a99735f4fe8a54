package io.cxloop.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class RoleTest {

    @Test
    void aGroupNamedLikeARoleGrantsThatRole() {
        assertThat(authorities("MARKETER", "AGENT")).containsExactly("ROLE_MARKETER", "ROLE_AGENT");
    }

    @Test
    void camundaAdministratorsAreAdmins() {
        assertThat(authorities("camunda-admin")).containsExactly("ROLE_ADMIN");
        assertThat(authorities("camunda-admin", "ADMIN")).containsExactly("ROLE_ADMIN");
    }

    @Test
    void otherGroupsGrantNothing() {
        assertThat(authorities("sales", "marketer", "ROLE_ADMIN")).isEmpty();
    }

    @Test
    void everyRoleHasItsAuthority() {
        for (Role role : Role.values()) {
            assertThat(Role.ofGroup(role.name())).contains(role);
            assertThat(role.authority()).isEqualTo("ROLE_" + role.name());
        }
    }

    private static List<String> authorities(String... groupIds) {
        return Role.authoritiesOf(List.of(groupIds)).stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }
}
