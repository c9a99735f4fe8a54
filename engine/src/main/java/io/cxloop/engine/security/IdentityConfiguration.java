package io.cxloop.engine.security;

import io.cxloop.engine.security.internal.AuthenticationCache;
import io.cxloop.engine.security.internal.CamundaIdentityAuthenticationProvider;
import io.cxloop.engine.security.internal.IdentityBootstrap;
import io.cxloop.engine.security.internal.IdentityChangesPlugin;
import io.cxloop.engine.security.internal.PasswordGenerator;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Users, passwords and roles live in Camunda's identity service; Spring Security authenticates against it (the
 * single {@link org.springframework.security.authentication.AuthenticationProvider} bean is what both filter
 * chains use). Method security is on for {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class IdentityConfiguration {

    static final String ADMIN_PASSWORD_VARIABLE = "CXLOOP_ADMIN_PASSWORD";

    @Bean
    AuthenticationCache authenticationCache(CxloopSecurityProperties properties) {
        return new AuthenticationCache(properties.authenticationCache());
    }

    @Bean
    CamundaIdentityAuthenticationProvider camundaIdentityAuthenticationProvider(
            ObjectProvider<IdentityService> identityService, AuthenticationCache authenticationCache) {
        return new CamundaIdentityAuthenticationProvider(identityService::getObject, authenticationCache);
    }

    /** Changes of users, groups and memberships empty the authentication cache. */
    @Bean
    static ProcessEnginePlugin identityChangesPlugin(AuthenticationCache authenticationCache) {
        return new IdentityChangesPlugin(authenticationCache);
    }

    @Bean
    IdentityBootstrap identityBootstrap(
            IdentityService identityService,
            AuthorizationService authorizationService,
            FilterService filterService,
            TaskService taskService,
            CxloopSecurityProperties properties,
            Environment environment) {
        return new IdentityBootstrap(
                identityService,
                authorizationService,
                filterService,
                taskService,
                properties.adminUser(),
                adminPassword(properties, environment),
                new PasswordGenerator()::generate);
    }

    /** Runs once all beans exist, i.e. before the web server takes requests. */
    @Bean
    SmartInitializingSingleton identityBootstrapOnStartup(IdentityBootstrap identityBootstrap) {
        return identityBootstrap::run;
    }

    // cxloop.security.admin-password wins; the environment variable also works without a line in application.yml
    static String adminPassword(CxloopSecurityProperties properties, Environment environment) {
        String configured = properties.adminPassword();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return environment.getProperty(ADMIN_PASSWORD_VARIABLE, "");
    }
}
