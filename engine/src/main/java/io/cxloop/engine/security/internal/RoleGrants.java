package io.cxloop.engine.security.internal;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import io.cxloop.engine.security.Role;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;

/**
 * The Camunda authorizations each role starts with. They are created when missing and never changed afterwards,
 * so an administrator may tune them in Camunda Admin.
 */
final class RoleGrants {

    /** One global grant: the group may do these things on the resource (or on every resource with {@code *}). */
    record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {

        Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
            this(groupId, resource, resourceId, List.of(permissions));
        }
    }

    static final String COCKPIT = "cockpit";
    static final String TASKLIST = "tasklist";

    private RoleGrants() {}

    static List<Grant> defaults() {
        List<Grant> grants = new ArrayList<>();
        // administrators may do everything, as Camunda's own setup grants camunda-admin
        for (String admins : List.of(Role.CAMUNDA_ADMIN_GROUP, Role.ADMIN.name())) {
            for (Resources resource : Resources.values()) {
                grants.add(new Grant(admins, resource, ANY, Permissions.ALL));
            }
        }

        // analysts read processes, decisions and their history in Cockpit
        String analyst = Role.ANALYST.name();
        grants.add(new Grant(analyst, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
        grants.add(new Grant(
                analyst,
                Resources.PROCESS_DEFINITION,
                ANY,
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.READ_HISTORY));
        grants.add(new Grant(analyst, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
        grants.add(new Grant(analyst, Resources.TASK, ANY, TaskPermissions.READ));
        grants.add(new Grant(analyst, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        grants.add(new Grant(analyst, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        grants.add(new Grant(analyst, Resources.DEPLOYMENT, ANY, Permissions.READ));

        // agents work in Tasklist; the engine itself grants a candidate group access to its tasks
        String agent = Role.AGENT.name();
        grants.add(new Grant(agent, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
        grants.add(new Grant(agent, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));

        // machine clients start processes and correlate messages through /engine-rest
        String system = Role.SYSTEM.name();
        grants.add(new Grant(
                system,
                Resources.PROCESS_DEFINITION,
                ANY,
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE));
        grants.add(new Grant(
                system,
                Resources.PROCESS_INSTANCE,
                ANY,
                ProcessInstancePermissions.CREATE,
                ProcessInstancePermissions.READ,
                ProcessInstancePermissions.UPDATE));

        // marketers work in cxloop's own pages and API, not in the Camunda webapps
        return List.copyOf(grants);
    }
}
