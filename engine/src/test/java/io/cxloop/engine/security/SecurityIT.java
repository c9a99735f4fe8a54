package io.cxloop.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.security.internal.IdentityBootstrap;
import io.cxloop.engine.security.internal.IdentityBootstrap.AdminOutcome;
import io.cxloop.engine.security.internal.PasswordGenerator;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.TestUsers;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every door is locked: the API and Camunda's REST API want HTTP Basic, the Camunda webapps a form login that
 * also logs the user in to Camunda, and roles decide what a user may do. Real HTTP, no redirects followed.
 */
class SecurityIT extends EngineIT {

    static final String MARKETER = "itmarketer";
    static final String ANALYST = "itanalyst";
    static final String AGENT = "itagent";
    /** Gets only wrong passwords: Camunda locks a user for a while after each failed login. */
    static final String GUESSED = "itguessed";

    static final String PASSWORD = "it-Password-1";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    FilterService filterService;

    @Autowired
    TaskService taskService;

    @Autowired
    ObjectMapper objectMapper;

    @BeforeEach
    void usersWithOneRoleEach() {
        userInGroup(MARKETER, Role.MARKETER);
        userInGroup(ANALYST, Role.ANALYST);
        userInGroup(AGENT, Role.AGENT);
        userInGroup(GUESSED, Role.MARKETER);
    }

    // anonymous callers

    @Test
    void anonymousGetsA401ProblemWithABasicChallengeFromTheApi() throws Exception {
        HttpResponse<String> response = browser().get("/api/customers/x");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"cxloop\"");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = objectMapper.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("instance").asText()).isEqualTo("/api/customers/x");
    }

    @Test
    void anonymousGetsA401FromEveryStatelessEndpoint() throws Exception {
        for (String path : List.of(
                "/engine-rest/process-definition",
                "/engine-rest/engine",
                "/actuator/prometheus",
                "/actuator/info",
                "/api/docs",
                "/api/openapi",
                "/api/triggers",
                "/api/messages")) {
            HttpResponse<String> response = browser().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as(path)
                    .isPresent();
        }
    }

    @Test
    void unsubscribeLinksNeedNoLoginTheirSignedTokenDecides() throws Exception {
        HttpResponse<String> response = browser().get("/u/x");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void surveyLinksNeedNoLoginTheirSignedTokenDecides() throws Exception {
        HttpResponse<String> response = browser().get("/s/x");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void anonymousIsSentToTheLoginPageFromTheWebappsAndOtherPages() throws Exception {
        for (String path : List.of("/camunda/app/cockpit/", "/camunda/app/cockpit/default/", "/")) {
            HttpResponse<String> response = browser().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .as(path)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        }
    }

    @Test
    void anonymousGetsA401NotARedirectFromTheWebappsApi() throws Exception {
        HttpResponse<String> response = browser().get("/camunda/api/admin/auth/user/default");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void anonymousMayAskForHealthAndSeeTheLoginPage() throws Exception {
        assertThat(browser().get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(browser().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(browser().get("/login").statusCode()).isEqualTo(200);
    }

    // HTTP Basic: our API, Camunda's REST API, actuator

    @Test
    void theAdminWithTheConfiguredPasswordUsesCamundasRestApi() throws Exception {
        HttpResponse<String> response = browser().get("/engine-rest/process-definition", ADMIN, ADMIN_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(objectMapper.readTree(response.body()).isArray()).isTrue();
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsA401() throws Exception {
        assertThat(browser()
                        .get("/engine-rest/process-definition", GUESSED, "wrong")
                        .statusCode())
                .isEqualTo(401);
        assertThat(browser().get("/api/triggers", "nobody", PASSWORD).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aMarketerIsForbiddenWhatNeedsAnotherRole() throws Exception {
        for (String path : List.of("/api/admin/users", "/actuator/prometheus")) {
            HttpResponse<String> response = browser().get(path, MARKETER, PASSWORD);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(objectMapper.readTree(response.body()).path("status").asInt())
                    .isEqualTo(403);
        }
        assertThat(browser().post("/api/events", "{}", MARKETER, PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(browser().put("/api/customers/x", "{}", MARKETER, PASSWORD).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aMarketerMayDoWhatMarketersDo() throws Exception {
        assertThat(browser().get("/api/triggers", MARKETER, PASSWORD).statusCode())
                .isEqualTo(200);
        assertThat(browser().get("/api/messages", MARKETER, PASSWORD).statusCode())
                .isNotIn(401, 403);
        assertThat(browser().get("/api/customers/nobody", MARKETER, PASSWORD).statusCode())
                .isNotIn(401, 403);
        assertThat(browser().get("/api/triggers", AGENT, PASSWORD).statusCode()).isEqualTo(403);
    }

    @Test
    void preAuthorizeNarrowsAnEndpointToARole() throws Exception {
        assertThat(browser().get(MethodSecurityProbe.PATH, ANALYST, PASSWORD).statusCode())
                .isEqualTo(200);

        HttpResponse<String> marketer = browser().get(MethodSecurityProbe.PATH, MARKETER, PASSWORD);
        assertThat(marketer.statusCode()).isEqualTo(403);
        assertThat(marketer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void camundasRestApiRunsAsTheUserWithTheirGroups() throws Exception {
        assertThat(mayOpenCockpit(ADMIN, ADMIN_PASSWORD)).isTrue();
        assertThat(mayOpenCockpit(ANALYST, PASSWORD)).isTrue();
        assertThat(mayOpenCockpit(MARKETER, PASSWORD)).isFalse();
        assertThat(mayOpenCockpit(AGENT, PASSWORD)).isFalse();
    }

    @Test
    void noSessionIsCreated() throws Exception {
        HttpResponse<String> response = browser().get("/api/triggers", ADMIN, ADMIN_PASSWORD);

        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }

    private boolean mayOpenCockpit(String user, String password) throws Exception {
        HttpResponse<String> response = browser()
                .get(
                        "/engine-rest/authorization/check?permissionName=ACCESS&resourceName=Application"
                                + "&resourceType=0&resourceId=cockpit",
                        user,
                        password);
        assertThat(response.statusCode()).isEqualTo(200);
        return objectMapper.readTree(response.body()).path("authorized").asBoolean();
    }

    // form login and single sign-on into the Camunda webapps

    @Test
    void formLoginLogsTheUserInToTheCamundaWebappsToo() throws Exception {
        Browser browser = browser();

        HttpResponse<String> login = browser.login(ADMIN, ADMIN_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/camunda/app/welcome/default/"));

        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        JsonNode camundaUser = camundaUser(browser);
        assertThat(camundaUser.path("userId").asText()).isEqualTo(ADMIN);
        assertThat(texts(camundaUser.path("authorizedApps"))).contains("cockpit", "tasklist", "admin");
    }

    @Test
    void camundaGrantsEachRoleItsApps() throws Exception {
        Browser analyst = browser();
        analyst.login(ANALYST, PASSWORD);
        analyst.get("/camunda/app/cockpit/default/");
        assertThat(texts(camundaUser(analyst).path("authorizedApps")))
                .contains("cockpit")
                .doesNotContain("tasklist", "admin");

        Browser agent = browser();
        agent.login(AGENT, PASSWORD);
        agent.get("/camunda/app/tasklist/default/");
        assertThat(texts(camundaUser(agent).path("authorizedApps")))
                .contains("tasklist")
                .doesNotContain("cockpit", "admin");
    }

    @Test
    void aPageOpenedBeforeLoginIsShownAfterIt() throws Exception {
        Browser browser = browser();
        browser.get("/camunda/app/tasklist/default/");

        HttpResponse<String> login = browser.login(AGENT, PASSWORD);

        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("/camunda/app/tasklist/default/"));
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPage() throws Exception {
        Browser browser = browser();

        HttpResponse<String> login = browser.login(GUESSED, "wrong");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode())
                .isEqualTo(401);
    }

    @Test
    void loggingOutOfCamundaEndsTheLogin() throws Exception {
        Browser browser = browser();
        browser.login(ADMIN, ADMIN_PASSWORD);
        browser.get("/camunda/app/cockpit/default/");
        String csrfToken = browser.cookie("XSRF-TOKEN");

        HttpResponse<String> logout =
                browser.send(HttpRequest.newBuilder(browser.uri("/camunda/api/admin/auth/user/default/logout"))
                        .header("X-XSRF-TOKEN", csrfToken)
                        .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode())
                .isEqualTo(401);
        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(302);
    }

    @Test
    void loggingOutOfCxloopEndsTheLogin() throws Exception {
        Browser browser = browser();
        browser.login(ADMIN, ADMIN_PASSWORD);
        browser.get("/camunda/app/cockpit/default/");

        HttpResponse<String> logout = browser.postForm("/logout", Map.of("_csrf", browser.csrfTokenOf("/logout")));

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?logout"));
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() throws Exception {
        Browser browser = browser();
        browser.get("/login");

        HttpResponse<String> login = browser.postForm("/login", Map.of("username", ADMIN, "password", ADMIN_PASSWORD));

        assertThat(login.statusCode()).isEqualTo(403);
    }

    private JsonNode camundaUser(Browser browser) throws Exception {
        HttpResponse<String> response = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(response.statusCode()).isEqualTo(200);
        return objectMapper.readTree(response.body());
    }

    // identity bootstrap

    @Test
    void theBootstrappedAdminHasEveryRoleAndIsACamundaAdmin() {
        List<String> groups = identityService.createGroupQuery().groupMember(ADMIN).list().stream()
                .map(Group::getId)
                .toList();

        assertThat(groups).contains(Role.CAMUNDA_ADMIN_GROUP, "ADMIN", "ANALYST", "MARKETER", "AGENT", "SYSTEM");
        assertThat(identityService.checkPassword(ADMIN, ADMIN_PASSWORD)).isTrue();
    }

    @Test
    void aSecondBootstrapKeepsTheAdminsPassword() {
        IdentityBootstrap secondRun = new IdentityBootstrap(
                identityService,
                authorizationService,
                filterService,
                taskService,
                ADMIN,
                "another-Password-2",
                new PasswordGenerator()::generate);

        assertThat(secondRun.run()).isEqualTo(AdminOutcome.ALREADY_PRESENT);
        // never try a wrong password on the admin: Camunda would lock it for a while, and every IT uses it
        assertThat(identityService.checkPassword(ADMIN, ADMIN_PASSWORD)).isTrue();
    }

    @Test
    void rolesAreCamundaGroupsWithTheirAuthorizations() {
        for (Role role : Role.values()) {
            assertThat(identityService.createGroupQuery().groupId(role.name()).count())
                    .as(role.name())
                    .isOne();
        }
        assertThat(mayAccess(Role.ANALYST, "cockpit")).isTrue();
        assertThat(mayAccess(Role.ANALYST, "admin")).isFalse();
        assertThat(mayAccess(Role.AGENT, "tasklist")).isTrue();
        assertThat(mayAccess(Role.AGENT, "cockpit")).isFalse();
        assertThat(mayAccess(Role.MARKETER, "tasklist")).isFalse();
        assertThat(mayAccess(Role.ADMIN, "admin")).isTrue();
    }

    @Test
    void agentsHaveTasklistFilters() {
        List<Filter> filters = filterService.createTaskFilterQuery().list().stream()
                .filter(filter -> List.of("My group tasks", "My tasks").contains(filter.getName()))
                .toList();

        assertThat(filters).hasSize(2);
        for (Filter filter : filters) {
            assertThat(authorizationService.isUserAuthorized(
                            AGENT, List.of(Role.AGENT.name()), Permissions.READ, Resources.FILTER, filter.getId()))
                    .as(filter.getName())
                    .isTrue();
        }
    }

    private boolean mayAccess(Role role, String application) {
        return authorizationService.isUserAuthorized(
                "someone", List.of(role.name()), Permissions.ACCESS, Resources.APPLICATION, application);
    }

    private void userInGroup(String userId, Role role) {
        TestUsers.ensure(identityService, userId, PASSWORD, role.name());
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    Browser browser() {
        return new Browser(port);
    }

    /** An HTTP client with its own cookies that never follows redirects, like a browser tab we look into. */
    static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        private final int port;
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client;

        Browser(int port) {
            this.port = port;
            this.client = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)));
        }

        HttpResponse<String> post(String path, String json, String user, String password)
                throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", basic(user, password))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> put(String path, String json, String user, String password)
                throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", basic(user, password))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields)
                throws IOException, InterruptedException {
            String form = fields.entrySet().stream()
                    .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        /** Fills in and submits the login form, as a person would. */
        HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
            return postForm("/login", Map.of("username", user, "password", password, "_csrf", csrfTokenOf("/login")));
        }

        String csrfTokenOf(String page) throws IOException, InterruptedException {
            HttpResponse<String> response = get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            Matcher matcher = CSRF.matcher(response.body());
            assertThat(matcher.find()).as("CSRF token on " + page).isTrue();
            return matcher.group(1);
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals(name))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no cookie " + name));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String basic(String user, String password) {
            return "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
