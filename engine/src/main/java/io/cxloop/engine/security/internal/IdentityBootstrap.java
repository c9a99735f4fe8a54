package io.cxloop.engine.security.internal;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.cxloop.engine.security.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Camunda's identity service ready for cxloop on every start: the role groups, their authorizations, the
 * Tasklist filters for agents and, on the first start only, the administrator. Everything is created when
 * missing and left alone when present, so restarts (and a second node starting at the same time) change nothing
 * an administrator did in Camunda Admin; above all, an existing administrator's password is never touched.
 */
public final class IdentityBootstrap {

    /** What happened to the administrator. */
    public enum AdminOutcome {
        CREATED_WITH_CONFIGURED_PASSWORD,
        CREATED_WITH_GENERATED_PASSWORD,
        ALREADY_PRESENT
    }

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final String adminUserId;
    private final String configuredPassword;
    private final Supplier<String> passwordGenerator;

    public IdentityBootstrap(
            IdentityService identityService,
            AuthorizationService authorizationService,
            FilterService filterService,
            TaskService taskService,
            String adminUserId,
            String configuredPassword,
            Supplier<String> passwordGenerator) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.adminUserId = adminUserId;
        this.configuredPassword = configuredPassword == null ? "" : configuredPassword;
        this.passwordGenerator = passwordGenerator;
    }

    public AdminOutcome run() {
        return EngineIdentity.asEngine(identityService, () -> {
            ensureGroups();
            RoleGrants.defaults().forEach(this::ensureGrant);
            AdminOutcome outcome = ensureAdmin();
            ensureTasklistFilters();
            return outcome;
        });
    }

    private void ensureGroups() {
        createIfAbsent(
                () -> groupExists(Role.CAMUNDA_ADMIN_GROUP),
                () -> saveGroup(Role.CAMUNDA_ADMIN_GROUP, "camunda BPM Administrators"));
        for (Role role : Role.values()) {
            createIfAbsent(() -> groupExists(role.name()), () -> saveGroup(role.name(), groupName(role)));
        }
    }

    private void saveGroup(String id, String name) {
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(Groups.GROUP_TYPE_SYSTEM);
        identityService.saveGroup(group);
    }

    private static String groupName(Role role) {
        return switch (role) {
            case ADMIN -> "cxloop administrators";
            case ANALYST -> "cxloop analysts";
            case MARKETER -> "cxloop marketers";
            case AGENT -> "cxloop agents";
            case SYSTEM -> "cxloop system clients";
        };
    }

    private boolean groupExists(String id) {
        return identityService.createGroupQuery().groupId(id).count() > 0;
    }

    private void ensureGrant(RoleGrants.Grant grant) {
        createIfAbsent(
                () -> authorizationService
                                .createAuthorizationQuery()
                                .groupIdIn(grant.groupId())
                                .resourceType(grant.resource())
                                .resourceId(grant.resourceId())
                                .count()
                        > 0,
                () -> {
                    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                    authorization.setGroupId(grant.groupId());
                    authorization.setResource(grant.resource());
                    authorization.setResourceId(grant.resourceId());
                    grant.permissions().forEach(authorization::addPermission);
                    authorizationService.saveAuthorization(authorization);
                });
    }

    private AdminOutcome ensureAdmin() {
        if (adminExists()) {
            if (!configuredPassword.isBlank()) {
                log.info(
                        "Administrator '{}' exists; its password stays as it is and the configured one is ignored.",
                        adminUserId);
            }
            return AdminOutcome.ALREADY_PRESENT;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? passwordGenerator.get() : configuredPassword;
        User admin = identityService.newUser(adminUserId);
        admin.setFirstName("cxloop");
        admin.setLastName("Administrator");
        admin.setPassword(password);
        try {
            identityService.saveUser(admin);
        } catch (ProcessEngineException e) {
            if (adminExists()) {
                log.info("Administrator '{}' was created by another node at the same time.", adminUserId);
                return AdminOutcome.ALREADY_PRESENT;
            }
            throw e;
        }
        identityService.createMembership(adminUserId, Role.CAMUNDA_ADMIN_GROUP);
        for (Role role : Role.values()) {
            identityService.createMembership(adminUserId, role.name());
        }
        if (generated) {
            logGeneratedPassword(password);
            return AdminOutcome.CREATED_WITH_GENERATED_PASSWORD;
        }
        log.info("Created administrator '{}' with the configured password.", adminUserId);
        return AdminOutcome.CREATED_WITH_CONFIGURED_PASSWORD;
    }

    private boolean adminExists() {
        return identityService.createUserQuery().userId(adminUserId).count() > 0;
    }

    private void logGeneratedPassword(String password) {
        String line = "=".repeat(78);
        log.warn(
                """

                {}
                  cxloop created the administrator '{}' with this generated password:

                      {}

                  It is shown only this once. Sign in at /login and change it in Camunda Admin
                  (/camunda/app/admin/), or set CXLOOP_ADMIN_PASSWORD before the first start.
                {}""",
                line,
                adminUserId,
                password,
                line);
    }

    // Agents see the tasks of their candidate groups and their own tasks; Tasklist lists tasks only through filters.
    private void ensureTasklistFilters() {
        if (filterService.createFilterQuery().count() > 0) {
            return;
        }
        List<Filter> filters = new ArrayList<>();
        filters.add(saveTaskFilter(
                "My group tasks",
                "Unclaimed tasks of my groups",
                -10,
                taskService
                        .createTaskQuery()
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .taskUnassigned()));
        filters.add(saveTaskFilter(
                "My tasks",
                "Tasks assigned to me",
                -5,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
        for (Filter filter : filters) {
            ensureGrant(new RoleGrants.Grant(Role.AGENT.name(), Resources.FILTER, filter.getId(), Permissions.READ));
        }
    }

    private Filter saveTaskFilter(String name, String description, int priority, TaskQuery query) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        Filter filter = filterService
                .newTaskFilter(name)
                .setOwner(adminUserId)
                .setQuery(query)
                .setProperties(properties);
        return filterService.saveFilter(filter);
    }

    /** Creates something unless present; tolerates another node creating it at the same moment. */
    private static void createIfAbsent(BooleanSupplier present, Runnable create) {
        if (present.getAsBoolean()) {
            return;
        }
        try {
            create.run();
        } catch (ProcessEngineException e) {
            if (!present.getAsBoolean()) {
                throw e;
            }
        }
    }
}
