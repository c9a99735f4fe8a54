package io.cxloop.engine.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings under {@code cxloop.security}.
 *
 * @param adminUser id of the administrator created on first start
 * @param adminPassword password of that administrator when it is created; blank means the environment variable
 *     {@code CXLOOP_ADMIN_PASSWORD}, and when that is unset too, a generated password printed once in the log. An
 *     existing administrator's password is never changed.
 * @param authenticationCache how long a successful HTTP Basic login is taken as given for the same user and password
 *     (changes of users, groups and memberships on this node end it at once, a change on another node when it
 *     expires); {@code PT0S} checks every request against Camunda
 */
@ConfigurationProperties("cxloop.security")
public record CxloopSecurityProperties(
        @DefaultValue("admin") String adminUser,
        String adminPassword,
        @DefaultValue("PT60S") Duration authenticationCache) {

    @Override
    public String toString() {
        return "CxloopSecurityProperties[adminUser=" + adminUser + ", adminPassword=******, authenticationCache="
                + authenticationCache + "]";
    }
}
