package io.cxloop.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cxloop.engine.security.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every engine integration test: the whole application on a random port with an in-memory H2 (or PostgreSQL
 * with {@code -Ppostgres}, see {@link TestDatabase}), the embedded broker and a real SMTP server (GreenMail). All
 * subclasses share one Spring context and one GreenMail, so tests use their own customers and addresses.
 *
 * <p>The helpers below call the REST API as another system or a user would, and fail the test on an unexpected
 * answer, with the answer's body in the message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
@Import(TestDatabase.SchemaLifecycle.class)
public abstract class EngineIT {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";

    /** The password of the users {@link #as(Role)} creates. */
    private static final String ROLE_USER_PASSWORD = "it-Password-1";

    protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    protected TestRestTemplate anonymous;

    /** The REST API as the admin (who has every role). */
    protected TestRestTemplate admin() {
        return anonymous.withBasicAuth(ADMIN, ADMIN_PASSWORD);
    }

    @Autowired
    private IdentityService identities;

    /** The REST API as a user who has only {@code role} ({@code it-marketer}, {@code it-analyst}, …). */
    protected TestRestTemplate as(Role role) {
        String userId = userOf(role);
        TestUsers.ensure(identities, userId, ROLE_USER_PASSWORD, role.name());
        return anonymous.withBasicAuth(userId, ROLE_USER_PASSWORD);
    }

    /** The user {@link #as(Role)} calls as. */
    protected static String userOf(Role role) {
        return "it-" + role.name().toLowerCase(Locale.ROOT);
    }

    /** POSTs as the admin; the answer's body, which must be a success. */
    protected JsonNode postAsAdmin(String path, Object body) {
        return successOf(admin().postForEntity(path, body, JsonNode.class));
    }

    /** POSTs {@code body} to a collection as {@code client}; the body of the answer, which must be 201 Created. */
    protected static JsonNode create(TestRestTemplate client, String path, Object body) {
        ResponseEntity<JsonNode> created = client.postForEntity(path, body, JsonNode.class);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    /** Registers the customer under {@code customerId}, as a CRM would (PUT); the id. */
    protected String newCustomer(String customerId, Map<String, Object> customer) {
        ResponseEntity<JsonNode> response = admin().exchange(
                        "/api/customers/" + customerId, HttpMethod.PUT, new HttpEntity<>(customer), JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    /** Asks for the next-best action for the customer in the context of the trigger, as another system would. */
    protected JsonNode decide(String customerId, String trigger) {
        return successOf(admin().postForEntity(
                        "/api/decisions/next-best-action",
                        Map.of("customerId", customerId, "context", Map.of("trigger", trigger)),
                        JsonNode.class));
    }

    /** The customer's campaign of the trigger (other tests' triggers may start campaigns for the same events). */
    protected JsonNode campaignOf(String customerId, String triggerKey) {
        JsonNode campaigns = admin().getForObject("/api/campaigns?customerId=" + customerId, JsonNode.class);
        return StreamSupport.stream(campaigns.spliterator(), false)
                .filter(campaign ->
                        triggerKey.equals(campaign.path("triggerKey").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no campaign of " + triggerKey + ": " + campaigns));
    }

    /**
     * Sends a cart-abandoned event with a cart of {@code cartValue} EUR; the process instance of the trigger's campaign
     * it started. A test's own high cart value and trigger minimum keep other tests' triggers and events apart.
     */
    protected String cartAbandonedCampaign(String customerId, double cartValue, String triggerKey) {
        Map<String, Object> event = new HashMap<>(Fixtures.cartAbandoned(customerId));
        event.put("attributes", Map.of("cartValue", cartValue, "currency", "EUR"));
        return startedProcess(postAsAdmin("/api/events", event), triggerKey);
    }

    /** The process instance of the trigger's campaign that an event's receipt reports started. */
    protected static String startedProcess(JsonNode receipt, String triggerKey) {
        return StreamSupport.stream(receipt.path("campaignsStarted").spliterator(), false)
                .filter(campaign ->
                        triggerKey.equals(campaign.path("triggerKey").asText()))
                .map(campaign -> campaign.path("processInstanceId").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no campaign of " + triggerKey + " started: " + receipt));
    }

    /** The reasons of a decision's explanation, in order. */
    protected static List<String> reasons(JsonNode decision) {
        return StreamSupport.stream(decision.path("explanation").spliterator(), false)
                .map(explanation -> explanation.path("reason").asText())
                .toList();
    }

    /** The field a problem+json answer names first. */
    protected static String fieldOf(ResponseEntity<JsonNode> response) {
        return response.getBody().path("errors").get(0).path("field").asText();
    }

    /** Asserts a 400 problem+json answer whose first error names {@code field}. */
    protected static void assertBadRequest(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(response.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(fieldOf(response)).isEqualTo(field);
    }

    private static JsonNode successOf(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().is2xxSuccessful())
                .as("%s", response.getBody())
                .isTrue();
        return response.getBody();
    }
}
