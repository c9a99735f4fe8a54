package io.cxloop.engine.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.engine.security.Role;
import io.cxloop.engine.security.internal.IdentityBootstrap.AdminOutcome;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The bootstrap against a bare in-memory Camunda engine with authorization checks on, no Spring. */
@ExtendWith(OutputCaptureExtension.class)
class IdentityBootstrapTest {

    // one engine for all tests (building one takes seconds); each test starts from an empty identity service
    private static ProcessEngine engine;

    private final IdentityService identity = engine.getIdentityService();
    private final AuthorizationService authorizations = engine.getAuthorizationService();
    private final FilterService filters = engine.getFilterService();

    @BeforeAll
    static void startEngine() {
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("identity-bootstrap-test")
                .setJdbcUrl("jdbc:h2:mem:identity-bootstrap-test;DB_CLOSE_DELAY=-1")
                .setAuthorizationEnabled(true)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @BeforeEach
    void emptyIdentityService() {
        authorizations.createAuthorizationQuery().list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
        identity.createUserQuery().list().forEach(user -> identity.deleteUser(user.getId()));
        identity.createGroupQuery().list().forEach(group -> identity.deleteGroup(group.getId()));
        filters.createFilterQuery().list().forEach(filter -> filters.deleteFilter(filter.getId()));
    }

    @Test
    void withoutAConfiguredPasswordTheAdminGetsAGeneratedOneShownOnce(CapturedOutput output) {
        AdminOutcome outcome = bootstrap("").run();

        assertThat(outcome).isEqualTo(AdminOutcome.CREATED_WITH_GENERATED_PASSWORD);
        assertThat(identity.checkPassword("admin", "Generated-Password-1")).isTrue();
        assertThat(output).containsOnlyOnce("Generated-Password-1").contains("generated password");
    }

    @Test
    void theAdminIsInEveryRoleAndACamundaAdmin() {
        bootstrap("Configured-Password-1").run();

        assertThat(groupsOf("admin"))
                .containsExactlyInAnyOrder(Role.CAMUNDA_ADMIN_GROUP, "ADMIN", "ANALYST", "MARKETER", "AGENT", "SYSTEM");
        assertThat(identity.checkPassword("admin", "Configured-Password-1")).isTrue();
    }

    @Test
    void aLaterStartKeepsThePasswordAndPrintsNone(CapturedOutput output) {
        bootstrap("Configured-Password-1").run();

        AdminOutcome second = bootstrap("").run();

        assertThat(second).isEqualTo(AdminOutcome.ALREADY_PRESENT);
        assertThat(identity.checkPassword("admin", "Configured-Password-1")).isTrue();
        assertThat(output).doesNotContain("Generated-Password-1");
    }

    @Test
    void aLaterStartCreatesNothingTwiceAndKeepsWhatAnAdministratorChanged() {
        bootstrap("Configured-Password-1").run();
        Authorization analystCockpit = authorizations
                .createAuthorizationQuery()
                .groupIdIn("ANALYST")
                .resourceType(Resources.APPLICATION)
                .resourceId("cockpit")
                .singleResult();
        analystCockpit.removePermission(Permissions.ACCESS);
        authorizations.saveAuthorization(analystCockpit);
        long authorizationCount = authorizations.createAuthorizationQuery().count();
        long filterCount = filters.createFilterQuery().count();

        bootstrap("Configured-Password-1").run();

        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authorizationCount);
        assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
        assertThat(mayOpen(Role.ANALYST, "cockpit")).isFalse();
    }

    @Test
    void eachRoleOpensItsWebapps() {
        bootstrap("Configured-Password-1").run();

        assertThat(mayOpen(Role.ADMIN, "admin")).isTrue();
        assertThat(mayOpen(Role.ANALYST, "cockpit")).isTrue();
        assertThat(mayOpen(Role.ANALYST, "tasklist")).isFalse();
        assertThat(mayOpen(Role.AGENT, "tasklist")).isTrue();
        assertThat(mayOpen(Role.AGENT, "cockpit")).isFalse();
        assertThat(mayOpen(Role.MARKETER, "cockpit")).isFalse();
        assertThat(mayOpen(Role.SYSTEM, "cockpit")).isFalse();
    }

    private IdentityBootstrap bootstrap(String configuredPassword) {
        return new IdentityBootstrap(
                identity,
                authorizations,
                filters,
                engine.getTaskService(),
                "admin",
                configuredPassword,
                () -> "Generated-Password-1");
    }

    private List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
    }

    private boolean mayOpen(Role role, String application) {
        return authorizations.isUserAuthorized(
                "someone", List.of(role.name()), Permissions.ACCESS, Resources.APPLICATION, application);
    }
}
