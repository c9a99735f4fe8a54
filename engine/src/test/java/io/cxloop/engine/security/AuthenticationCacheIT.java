package io.cxloop.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Successful logins are cached for a minute (cxloop.security.authentication-cache), and that changes nothing an
 * administrator or an attacker can observe: a changed password, a removed role and a lock after a failed attempt take
 * effect with the next request, and every wrong password is checked and counted by Camunda.
 */
class AuthenticationCacheIT extends EngineIT {

    private static final String PASSWORD = "cache-Password-1";
    private static final String NEW_PASSWORD = "cache-Password-2";

    @Autowired
    IdentityService identityService;

    @Autowired
    ProcessEngine processEngine;

    @Test
    void aChangedPasswordTakesEffectWithTheNextRequest() {
        TestUsers.ensure(identityService, "cache-mia", PASSWORD, Role.MARKETER.name());
        assertThat(triggersAs("cache-mia", PASSWORD)).isEqualTo(200);
        assertThat(triggersAs("cache-mia", PASSWORD)).isEqualTo(200);

        User mia = identityService.createUserQuery().userId("cache-mia").singleResult();
        mia.setPassword(NEW_PASSWORD);
        identityService.saveUser(mia);

        assertThat(triggersAs("cache-mia", NEW_PASSWORD)).isEqualTo(200);
        assertThat(triggersAs("cache-mia", PASSWORD)).isEqualTo(401);
    }

    @Test
    void aRemovedRoleTakesEffectWithTheNextRequest() {
        TestUsers.ensure(identityService, "cache-tom", PASSWORD, Role.MARKETER.name());
        assertThat(triggersAs("cache-tom", PASSWORD)).isEqualTo(200);

        identityService.deleteMembership("cache-tom", Role.MARKETER.name());

        assertThat(triggersAs("cache-tom", PASSWORD)).isEqualTo(403);
    }

    @Test
    void aDeletedUserIsRejectedWithTheNextRequest() {
        TestUsers.ensure(identityService, "cache-eve", PASSWORD, Role.MARKETER.name());
        assertThat(triggersAs("cache-eve", PASSWORD)).isEqualTo(200);

        identityService.deleteUser("cache-eve");

        assertThat(triggersAs("cache-eve", PASSWORD)).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRejectedAndCountedAndTheLockHoldsDespiteTheCachedLogin() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        int delay = configuration.getLoginDelayBase();
        // a lock long enough that the next request surely falls into it, even on a busy machine
        configuration.setLoginDelayBase(600);
        try {
            TestUsers.ensure(identityService, "cache-ann", PASSWORD, Role.MARKETER.name());
            assertThat(triggersAs("cache-ann", PASSWORD)).isEqualTo(200);

            assertThat(triggersAs("cache-ann", "guessed")).isEqualTo(401);

            UserEntity ann = (UserEntity)
                    identityService.createUserQuery().userId("cache-ann").singleResult();
            assertThat(ann.getAttempts()).isEqualTo(1);
            assertThat(ann.getLockExpirationTime()).isNotNull();
            // Camunda locked the user after the failure: the cached login of a moment ago does not get around it
            assertThat(triggersAs("cache-ann", PASSWORD)).isEqualTo(401);
        } finally {
            configuration.setLoginDelayBase(delay);
        }
    }

    private int triggersAs(String user, String password) {
        return anonymous
                .withBasicAuth(user, password)
                .getForEntity("/api/triggers", String.class)
                .getStatusCode()
                .value();
    }
}
