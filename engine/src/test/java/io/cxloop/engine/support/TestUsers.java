package io.cxloop.engine.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Users of the integration tests, in Camunda's identity store as the application's own users are. The Spring context
 * is shared between test classes, so a user is created once, on first use, and stays for the tests that follow.
 */
public final class TestUsers {

    private TestUsers() {}

    /**
     * Creates the user with the password and memberships unless it exists; a group that does not exist yet (a team,
     * say) is created with it.
     *
     * @param groups role groups ({@code ANALYST}, {@code MARKETER}, …) or teams
     */
    public static void ensure(IdentityService identities, String userId, String password, String... groups) {
        if (identities.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        User user = identities.newUser(userId);
        user.setFirstName(userId);
        user.setLastName("Test");
        user.setPassword(password);
        identities.saveUser(user);
        for (String group : groups) {
            if (identities.createGroupQuery().groupId(group).count() == 0) {
                identities.saveGroup(identities.newGroup(group));
            }
            identities.createMembership(userId, group);
        }
    }
}
