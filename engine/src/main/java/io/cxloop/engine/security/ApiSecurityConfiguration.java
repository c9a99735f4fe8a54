package io.cxloop.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.security.internal.ProblemDetailSecurityHandler;
import io.cxloop.engine.security.internal.SecurityContextAuthenticationProvider;
import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The machine-facing side: {@code /api/**}, {@code /engine-rest/**} and {@code /actuator/**} authenticate every
 * request with HTTP Basic, keep no session (so CSRF cannot apply) and answer 401/403 as problem+json. Camunda's
 * REST API then runs as the authenticated user, so Camunda's authorizations apply to it.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String REALM = "cxloop";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        ProblemDetailSecurityHandler problems = new ProblemDetailSecurityHandler(objectMapper, REALM);
        http.securityMatcher(AccessRules.STATELESS_API)
                .authorizeHttpRequests(AccessRules::statelessApi)
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * No Micrometer observations of Spring Security's own (for every chain, the webapps' too): with Actuator on the
     * class path, Spring Security wraps each of the dozen filters of a chain, the authentication and the authorization
     * in observations of their own, a tenth of the CPU time of a {@code POST /api/events} outside the controller
     * (docs/benchmarks.md, session 7). Requests are still timed as a whole ({@code http.server.requests}), failed
     * logins still counted by Camunda.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Camunda's filter sets the user and groups of Spring's security context on the engine for the duration of
     * each {@code /engine-rest} request and clears them afterwards.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("cxloopEngineRestAuthentication");
        registration.addInitParameter(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SecurityContextAuthenticationProvider.class.getName());
        registration.addInitParameter(
                ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, AccessRules.ENGINE_REST_PATH);
        registration.addUrlPatterns(AccessRules.ENGINE_REST_PATH + "/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        // right after Spring Security's filter chain, which has authenticated the request
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
