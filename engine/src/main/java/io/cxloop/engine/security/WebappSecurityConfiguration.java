package io.cxloop.engine.security;

import static io.cxloop.engine.security.AccessRules.CAMUNDA_WEBAPP_API;
import static io.cxloop.engine.security.AccessRules.CAMUNDA_WEBAPP_PATH;

import io.cxloop.engine.security.internal.SecurityContextAuthenticationProvider;
import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The human-facing side: form login with a session for everything outside the stateless API, above all Camunda's
 * Cockpit, Tasklist and Admin. The user who logs in here is logged in to the Camunda webapps as well (single
 * sign-on), and logging out of either logs out of both. (After "Log out" in a Camunda webapp, the page still shows
 * Camunda's own login form, which cannot log in because cxloop's login is the only one; reloading the page leads
 * to cxloop's login page.)
 */
@Configuration(proxyBeanMethods = false)
class WebappSecurityConfiguration implements WebMvcConfigurer {

    static final String WELCOME = CAMUNDA_WEBAPP_PATH + "/app/welcome/default/";

    static final String LOGIN = "/login";

    /**
     * The logout call of the Camunda webapps (any engine); Spring Security serves it so that both logins end. It
     * runs before Camunda's CSRF filter, so it insists on Camunda's CSRF header, which no cross-site form can send;
     * without it the call reaches Camunda's filter and is refused there.
     */
    static final RequestMatcher CAMUNDA_LOGOUT = new AndRequestMatcher(
            AccessRules.path(HttpMethod.POST, CAMUNDA_WEBAPP_PATH + "/api/admin/auth/user/*/logout"),
            new RequestHeaderRequestMatcher("X-XSRF-TOKEN"));

    @Bean
    @Order(2)
    SecurityFilterChain webappSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(AccessRules::webapp)
                .formLogin(form -> form.defaultSuccessUrl(WELCOME).permitAll())
                .logout(logout -> logout.logoutRequestMatcher(
                                new OrRequestMatcher(AccessRules.path(HttpMethod.POST, "/logout"), CAMUNDA_LOGOUT))
                        .logoutSuccessUrl(LOGIN + "?logout")
                        .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(), CAMUNDA_LOGOUT)
                        .permitAll())
                // Camunda's CsrfPreventionFilter protects its API; Spring's token would break the webapps' calls
                .csrf(csrf -> csrf.ignoringRequestMatchers(CAMUNDA_WEBAPP_API))
                // pages go to the login page; the webapps' API calls get a status they understand instead (a custom
                // entry point as a whole would switch off the generated login page)
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), CAMUNDA_WEBAPP_API)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(LOGIN), AnyRequestMatcher.INSTANCE))
                .requestCache(cache -> cache.requestCache(pageRequestCache()))
                // a fresh session per login: no Camunda authentication of a previous user survives
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.newSession()));
        return http.build();
    }

    /**
     * Camunda's filter logs the user of Spring's security context in to the Camunda webapps (user, groups,
     * tenants and the apps they may open), once per session.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSsoFilter() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("cxloopCamundaWebappSso");
        registration.addInitParameter(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SecurityContextAuthenticationProvider.class.getName());
        registration.addUrlPatterns(CAMUNDA_WEBAPP_PATH + "/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        // right after Spring Security's filter chain and before the webapps' own authentication filter
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", WELCOME);
    }

    // After login, return only to a page the user opened, never to an API call of the webapps.
    private static HttpSessionRequestCache pageRequestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(
                AccessRules.path(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(CAMUNDA_WEBAPP_API),
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"))));
        return cache;
    }
}
