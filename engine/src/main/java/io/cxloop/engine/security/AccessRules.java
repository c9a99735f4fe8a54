package io.cxloop.engine.security;

import static io.cxloop.engine.security.Role.ADMIN;
import static io.cxloop.engine.security.Role.AGENT;
import static io.cxloop.engine.security.Role.ANALYST;
import static io.cxloop.engine.security.Role.MARKETER;
import static io.cxloop.engine.security.Role.SYSTEM;

import java.util.Arrays;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call which URL: the one place for request rules. Every URL needs an authenticated user unless listed
 * as public here.
 *
 * <p>Stateless HTTP Basic ({@code 401}/{@code 403} as {@code application/problem+json}):
 *
 * <pre>
 * /actuator/health/**            public (status only)
 * /actuator/info                 authenticated
 * /actuator/**                   ADMIN, SYSTEM          (e.g. a Prometheus scraper as a SYSTEM user)
 * /engine-rest/**                authenticated          (then Camunda's authorizations apply to the user)
 * POST /api/receipts/**          public: the provider's HMAC signature of the body is checked instead
 * /u/**                          public: the signed unsubscribe token is the authorisation (RFC 8058 one-click)
 * /s/**                          public: the signed, expiring survey token is the authorisation (answerable once)
 * /api/admin/**                  ADMIN
 * /api/triggers/**               MARKETER, ADMIN
 * /api/surveys/**                MARKETER, ANALYST, ADMIN   (after which events survey invitations go)
 * /api/offers/**                 ANALYST, MARKETER, ADMIN   (the offer catalogue)
 * /api/events/**                 SYSTEM, ADMIN
 * GET /api/customers/**          any role
 * /api/customers/**              SYSTEM, ADMIN
 * /api/calls/**                  AGENT, SYSTEM, ADMIN   (call-back outcomes)
 * /api/messages/**               any role
 * /api/rulesets/**               ANALYST, ADMIN
 * /api/reports/**                ANALYST, ADMIN         (NPS, detractor drivers, touchpoint priority, case KPIs)
 * POST /api/decisions/**         SYSTEM, ADMIN          (next-best action for other systems)
 * /api/** (incl. /api/docs, /api/openapi)   authenticated
 * </pre>
 *
 * <p>Form login with a session (Camunda Cockpit, Tasklist and Admin, our own pages): {@code /login} is public,
 * everything else ({@code /camunda/**}, {@code /}) needs a login; inside
 * the Camunda webapps, Camunda's authorizations decide.
 *
 * <p>Finer checks belong on the method: method security is on, so a service or controller may use e.g.
 * {@code @PreAuthorize("hasRole('ANALYST')")} (see {@link Role}). A new URL prefix that needs other roles than
 * "authenticated" gets a line here and in the table above.
 */
public final class AccessRules {

    /** Camunda's REST API: the path of the Jersey servlet of Camunda's REST starter. */
    public static final String ENGINE_REST_PATH = "/engine-rest";

    /** The paths served by the stateless HTTP Basic chain. */
    public static final RequestMatcher STATELESS_API =
            anyOf("/api/**", ENGINE_REST_PATH + "/**", "/actuator/**", "/u/**", "/s/**");

    /** Camunda's webapps, served by the Camunda webapp starter under its default application path. */
    public static final String CAMUNDA_WEBAPP_PATH = "/camunda";

    /** The JSON API of Camunda's webapps; protected against CSRF by Camunda's own filter. */
    public static final RequestMatcher CAMUNDA_WEBAPP_API = path(CAMUNDA_WEBAPP_PATH + "/api/**");

    private static final Role[] ANY_ROLE = Role.values();

    private AccessRules() {}

    static void statelessApi(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(path("/actuator/health/**"))
                .permitAll()
                .requestMatchers(path("/actuator/info"))
                .authenticated()
                .requestMatchers(path("/actuator/**"))
                .hasAnyRole(names(ADMIN, SYSTEM))
                .requestMatchers(path(ENGINE_REST_PATH + "/**"))
                .authenticated()
                // the body's HMAC signature (receipts) or the signed token (unsubscribe, survey) is the authentication
                .requestMatchers(path(HttpMethod.POST, "/api/receipts/**"), path("/u/**"), path("/s/**"))
                .permitAll()
                .requestMatchers(path("/api/admin/**"))
                .hasRole(ADMIN.name())
                .requestMatchers(path("/api/triggers/**"))
                .hasAnyRole(names(MARKETER, ADMIN))
                .requestMatchers(path("/api/surveys/**"))
                .hasAnyRole(names(MARKETER, ANALYST, ADMIN))
                .requestMatchers(path("/api/offers/**"))
                .hasAnyRole(names(ANALYST, MARKETER, ADMIN))
                .requestMatchers(path("/api/events/**"), path("/api/feedback/**"))
                .hasAnyRole(names(SYSTEM, ADMIN))
                .requestMatchers(path("/api/cases/**"))
                .hasAnyRole(names(AGENT, ADMIN))
                .requestMatchers(path(HttpMethod.GET, "/api/customers/**"))
                .hasAnyRole(names(ANY_ROLE))
                .requestMatchers(path("/api/customers/**"))
                .hasAnyRole(names(SYSTEM, ADMIN))
                .requestMatchers(path("/api/calls/**"))
                .hasAnyRole(names(AGENT, SYSTEM, ADMIN))
                .requestMatchers(path("/api/messages/**"))
                .hasAnyRole(names(ANY_ROLE))
                .requestMatchers(path("/api/rulesets/**"), path("/api/reports/**"))
                .hasAnyRole(names(ANALYST, ADMIN))
                .requestMatchers(path(HttpMethod.POST, "/api/decisions/**"))
                .hasAnyRole(names(SYSTEM, ADMIN))
                .anyRequest()
                .authenticated();
    }

    static void webapp(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        // /error must stay reachable so that a failing request shows its status instead of a login redirect
        rules.requestMatchers(path("/login"), path("/error"), path("/favicon.ico"))
                .permitAll()
                .anyRequest()
                .authenticated();
    }

    static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    private static RequestMatcher anyOf(String... patterns) {
        return new OrRequestMatcher(
                Arrays.stream(patterns).map(AccessRules::path).toArray(RequestMatcher[]::new));
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
