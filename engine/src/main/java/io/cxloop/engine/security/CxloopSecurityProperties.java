package io.cxloop.engine.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings under {@code cxloop.security}.
 *
 * @param adminUser id of the administrator created on first start
 * @param adminPassword password of that administrator when it is created; blank means the environment variable
 *     {@code CXLOOP_ADMIN_PASSWORD}, and when that is unset too, a generated password printed once in the log. An
 *     existing administrator's password is never changed.
 */
@ConfigurationProperties("cxloop.security")
public record CxloopSecurityProperties(@DefaultValue("admin") String adminUser, String adminPassword) {

    @Override
    public String toString() {
        return "CxloopSecurityProperties[adminUser=" + adminUser + ", adminPassword=******]";
    }
}
