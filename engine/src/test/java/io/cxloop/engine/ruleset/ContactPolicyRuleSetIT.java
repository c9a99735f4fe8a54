package io.cxloop.engine.ruleset;

import static io.cxloop.engine.persistence.JdbcTime.utc;
import static io.cxloop.engine.support.Fixtures.cartAbandonedTrigger;
import static io.cxloop.engine.support.Fixtures.event;
import static io.cxloop.engine.support.Fixtures.germanCustomerWithEmailConsent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.TestUsers;
import io.cxloop.rules.invitation.InvitationEngine;
import io.cxloop.rules.nba.NextBestActionEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The contact policy as a rule set of its own, one for service and marketing: analysts upload a stricter policy,
 * simulate it against recorded next-best-action decisions, activate it (the next-best-action and invitation rules are
 * composed with it anew, without a restart), see reconnect decisions and survey invitations follow and record it, and
 * roll it back; unsafe uploads are refused.
 */
class ContactPolicyRuleSetIT extends EngineIT {

    private static final String ANALYST = "policyanalyst";
    private static final String PASSWORD = "it-Password-1";
    private static final String POLICY = "/api/rulesets/contact-policy";
    private static final String VERSIONS = POLICY + "/versions";
    private static final String BUILT_IN = "contact-policy@builtin-1";
    private static final String OVERALL_CAP = "Marketing stays within the cap across all channels";

    /** Re-enters after a day, so that a message two days ago leaves only the weekly caps to decide. */
    private static final String DAILY_TRIGGER = "policy-set-daily-reconnect";

    @Autowired
    IdentityService identities;

    @Autowired
    NextBestActionEngine engine;

    @Autowired
    RuleSetService ruleSets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuleSetRepository repository;

    @Autowired
    @Qualifier("surveyInvitationEngine")
    InvitationEngine surveys;

    @Autowired
    @Qualifier("reviewInvitationEngine")
    InvitationEngine reviews;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void anAnalystAndADailyTrigger() {
        TestUsers.ensure(identities, ANALYST, PASSWORD, "ANALYST");
        if (admin().getForEntity("/api/triggers/" + DAILY_TRIGGER, JsonNode.class)
                        .getStatusCode()
                == HttpStatus.NOT_FOUND) {
            Map<String, Object> trigger = new HashMap<>(cartAbandonedTrigger(DAILY_TRIGGER, 10));
            trigger.put("reEntry", "P1D");
            trigger.put("channels", List.of("EMAIL"));
            trigger.put("condition", Map.of("minCartValue", 1_000_000));
            ResponseEntity<JsonNode> created = admin().postForEntity("/api/triggers", trigger, JsonNode.class);
            assertThat(created.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
        }
    }

    @AfterEach
    void builtInIsActiveAgain() {
        while (ruleSets.active("contact-policy").version() != null) {
            ruleSets.rollback("contact-policy", "cleanup");
        }
        assertThat(engine.contactPolicyVersion()).isEqualTo(BUILT_IN);
        assertThat(surveys.contactPolicyVersion()).isEqualTo(BUILT_IN);
        assertThat(reviews.contactPolicyVersion()).isEqualTo(BUILT_IN);
    }

    @Test
    void theBuiltInPolicyIsARuleSetWhoseScenariosCoverEveryPolicy() {
        JsonNode names = analyst().getForObject("/api/rulesets", JsonNode.class);
        assertThat(names.toString()).contains("contact-policy", "next-best-action", "triage");
        JsonNode active = analyst().getForObject(POLICY, JsonNode.class);
        assertThat(active.path("label").asText()).isEqualTo(BUILT_IN);

        JsonNode report = post(VERSIONS + "/builtin/test", null).getBody();

        assertThat(report.path("passed").asBoolean()).as("%s", report).isTrue();
        assertThat(report.path("results"))
                .extracting(result -> result.path("scenario").asText())
                .contains(
                        "A channel needs the customer's consent",
                        "A channel needs a contact address",
                        "A customer with an open complaint case gets no marketing",
                        "An SMS at its weekly cap gives way to e-mail, whichever process sent it",
                        "Two marketing messages a week from any process on any channel are the limit",
                        "Service messages do not count against the marketing caps",
                        "At 22:30 in Berlin the message waits until 08:00 instead of being dropped",
                        "The marketing caps do not hold back a service message",
                        "An open complaint case does not hold back a service message",
                        "A service message needs the customer's consent too",
                        "At 22:30 in Berlin a service message waits until 08:00 too");
        assertThat(analyst()
                        .getForObject(VERSIONS + "/builtin", JsonNode.class)
                        .path("drl")
                        .asText())
                .contains(
                        "package io.cxloop.rules.policy;", "rule \"Quiet hours postpone the message until they end\"");
    }

    @Test
    void aStricterCapIsUploadedSimulatedActivatedRecordedAndRolledBack() throws IOException {
        Instant from = Instant.now().minusSeconds(1);
        String once = customerWithOneMarketingMessageTwoDaysAgo();
        String onceToo = customerWithOneMarketingMessageTwoDaysAgo();
        JsonNode before = decide(once);
        decide(onceToo);
        assertThat(before.path("action").asText()).isEqualTo("RECONNECT_OFFER");
        assertThat(before.path("ruleSetVersion").asText()).isEqualTo("next-best-action@builtin-1");
        assertThat(before.path("contactPolicyVersion").asText()).isEqualTo(BUILT_IN);

        ResponseEntity<JsonNode> uploaded = analyst()
                .postForEntity(
                        VERSIONS,
                        Map.of(
                                "drl", onePerWeek(),
                                "scenarios", json.readTree(scenariosForOnePerWeek()),
                                "comment", "one marketing message a week"),
                        JsonNode.class);
        assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        int version = uploaded.getBody().path("version").asInt();
        String label = "contact-policy@v" + version;
        assertThat(uploaded.getBody().path("label").asText()).isEqualTo(label);
        assertThat(decide(once).path("contactPolicyVersion").asText())
                .as("not active before activation")
                .isEqualTo(BUILT_IN);

        JsonNode simulation = post(
                        VERSIONS + "/" + version + "/simulate?from=" + from + "&to="
                                + Instant.now().plusSeconds(1),
                        null)
                .getBody();
        assertThat(simulation.path("ruleSet").asText()).isEqualTo("contact-policy");
        assertThat(simulation.path("candidateVersion").asText()).isEqualTo(label);
        assertThat(simulation.path("activeVersion").asText()).isEqualTo(BUILT_IN);
        assertThat(simulation.path("changes"))
                .filteredOn(change -> List.of(once, onceToo)
                        .contains(change.path("customerId").asText()))
                .hasSize(3)
                .allSatisfy(change -> {
                    assertThat(change.path("active").asText()).startsWith("RECONNECT_OFFER on EMAIL");
                    assertThat(change.path("candidate").asText()).isEqualTo("NO_ACTION");
                });
        assertThat(engine.contactPolicyVersion())
                .as("a simulation activates nothing")
                .isEqualTo(BUILT_IN);

        JsonNode active = post(VERSIONS + "/" + version + "/activate", null).getBody();
        assertThat(active.path("label").asText()).isEqualTo(label);
        assertThat(engine.contactPolicyVersion()).isEqualTo(label);
        assertThat(engine.ruleSetVersion()).isEqualTo("next-best-action@builtin-1");

        JsonNode after = decide(once);
        assertThat(after.path("action").asText()).isEqualTo("NO_ACTION");
        assertThat(after.path("ruleSetVersion").asText()).isEqualTo("next-best-action@builtin-1");
        assertThat(after.path("contactPolicyVersion").asText()).isEqualTo(label);
        assertThat(after.path("explanation")).anySatisfy(explanation -> {
            assertThat(explanation.path("rule").asText()).isEqualTo(OVERALL_CAP);
            assertThat(explanation.path("reason").asText()).contains("the cap is 1 (analysts' version)");
        });
        JsonNode stored = admin().getForObject("/api/customers/" + once + "/decisions", JsonNode.class);
        assertThat(stored.get(0).path("contactPolicyVersion").asText()).isEqualTo(label);
        assertThat(stored.get(0).path("ruleSetVersion").asText()).isEqualTo("next-best-action@builtin-1");

        JsonNode rolledBack = post(POLICY + "/rollback", null).getBody();
        assertThat(rolledBack.path("label").asText()).isEqualTo(BUILT_IN);
        JsonNode again = decide(once);
        assertThat(again.path("action").asText()).isEqualTo("RECONNECT_OFFER");
        assertThat(again.path("contactPolicyVersion").asText()).isEqualTo(BUILT_IN);
    }

    @Test
    void reconnectOffersAndSurveyInvitationsFollowTheOnePolicyAnAnalystActivatesAndRollsBack() throws IOException {
        Instant from = Instant.now().minusSeconds(1);
        String offered = customerNeverContacted();
        String asked = customerNeverContacted();
        JsonNode offerBefore = decide(offered);
        JsonNode surveyBefore = surveyAfterDelivery(asked);
        assertThat(offerBefore.path("action").asText()).isEqualTo("RECONNECT_OFFER");
        assertThat(offerBefore.path("contactPolicyVersion").asText()).isEqualTo(BUILT_IN);
        assertThat(surveyBefore.path("action").asText()).isEqualTo("SURVEY_INVITATION");
        assertThat(surveyBefore.path("ruleSetVersion").asText()).isEqualTo("survey-invitation@builtin-1");
        assertThat(surveyBefore.path("contactPolicyVersion").asText()).isEqualTo(BUILT_IN);

        ResponseEntity<JsonNode> uploaded = analyst()
                .postForEntity(
                        VERSIONS,
                        Map.of(
                                "drl", noMarketing(),
                                "scenarios", json.readTree(scenariosForNoMarketing()),
                                "comment", "no marketing at all this week"),
                        JsonNode.class);
        assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        int version = uploaded.getBody().path("version").asInt();
        String label = "contact-policy@v" + version;
        JsonNode simulation = post(
                        VERSIONS + "/" + version + "/simulate?from=" + from + "&to="
                                + Instant.now().plusSeconds(1),
                        null)
                .getBody();
        assertThat(simulation.path("changes"))
                .as("%s", simulation)
                .anySatisfy(change -> {
                    assertThat(change.path("customerId").asText()).isEqualTo(offered);
                    assertThat(change.path("candidate").asText()).isEqualTo("NO_ACTION");
                })
                .anySatisfy(change -> {
                    assertThat(change.path("customerId").asText()).isEqualTo(asked);
                    assertThat(change.path("active").asText()).startsWith("survey-invitation: EMAIL");
                    assertThat(change.path("candidate").asText()).isEqualTo("survey-invitation: not invited");
                });
        assertThat(simulation
                        .path("candidate")
                        .path("survey-invitation channel")
                        .path("none")
                        .asLong())
                .isPositive();
        assertThat(post(VERSIONS + "/" + version + "/activate", null)
                        .getBody()
                        .path("label")
                        .asText())
                .isEqualTo(label);
        assertThat(surveys.contactPolicyVersion()).isEqualTo(label);
        assertThat(reviews.contactPolicyVersion()).isEqualTo(label);
        assertThat(surveys.ruleSetVersion()).isEqualTo("survey-invitation@builtin-1");

        JsonNode offer = decide(customerNeverContacted());
        assertThat(offer.path("action").asText()).isEqualTo("NO_ACTION");
        assertThat(offer.path("contactPolicyVersion").asText()).isEqualTo(label);
        assertThat(offer.path("explanation")).anySatisfy(explanation -> {
            assertThat(explanation.path("rule").asText()).isEqualTo(OVERALL_CAP);
            assertThat(explanation.path("reason").asText()).contains("the cap is 0 (analysts' version)");
        });
        String surveyed = customerNeverContacted();
        JsonNode survey = surveyAfterDelivery(surveyed);
        assertThat(survey.path("action").asText()).isEqualTo("NO_ACTION");
        assertThat(survey.path("ruleSetVersion").asText()).isEqualTo("survey-invitation@builtin-1");
        assertThat(survey.path("contactPolicyVersion").asText()).isEqualTo(label);
        assertThat(survey.path("explanations").toString())
                .contains(OVERALL_CAP)
                .contains("the cap is 0 (analysts' version)");
        assertThat(jdbc.sql("select count(*) from outbox_message where customer_id = ? and template = ?")
                        .params(surveyed, "survey-invitation")
                        .query(Integer.class)
                        .single())
                .isZero();

        assertThat(post(POLICY + "/rollback", null).getBody().path("label").asText())
                .isEqualTo(BUILT_IN);
        JsonNode offerAfter = decide(customerNeverContacted());
        JsonNode surveyAfter = surveyAfterDelivery(customerNeverContacted());
        assertThat(offerAfter.path("action").asText()).isEqualTo("RECONNECT_OFFER");
        assertThat(offerAfter.path("contactPolicyVersion").asText()).isEqualTo(BUILT_IN);
        assertThat(surveyAfter.path("action").asText()).isEqualTo("SURVEY_INVITATION");
        assertThat(surveyAfter.path("contactPolicyVersion").asText()).isEqualTo(BUILT_IN);
    }

    @Test
    void aPolicyActivatedOnAnotherNodeIsComposedWithTheNextBestActionRulesHereAtTheNextPoll() throws IOException {
        String customerId = customerWithOneMarketingMessageTwoDaysAgo();
        int version = analyst()
                .postForEntity(
                        VERSIONS,
                        Map.of("drl", onePerWeek(), "scenarios", json.readTree(scenariosForOnePerWeek())),
                        JsonNode.class)
                .getBody()
                .path("version")
                .asInt();
        String label = "contact-policy@v" + version;
        NextBestActionEngine before = engine;
        assertThat(decide(customerId).path("action").asText()).isEqualTo("RECONNECT_OFFER");

        // what another node's activation leaves in the shared database
        repository.activate("contact-policy", version, Instant.now(), "other-node");
        ruleSets.refreshAll();

        assertThat(ruleSets.active("contact-policy").label()).isEqualTo(label);
        assertThat(before.contactPolicyVersion()).isEqualTo(label);
        assertThat(surveys.contactPolicyVersion()).isEqualTo(label);
        assertThat(reviews.contactPolicyVersion()).isEqualTo(label);
        assertThat(before.ruleSetVersion()).isEqualTo("next-best-action@builtin-1");
        JsonNode decision = decide(customerId);
        assertThat(decision.path("action").asText()).isEqualTo("NO_ACTION");
        assertThat(decision.path("contactPolicyVersion").asText()).isEqualTo(label);
    }

    @Test
    void aPolicyThatStopsTheJvmOrReadsAFileIsRejectedBeforeAnythingRuns() {
        int versionsBefore = analyst().getForObject(VERSIONS, JsonNode.class).size();
        ResponseEntity<JsonNode> exit = upload(
                """
                package io.cxloop.rules.policy;
                import io.cxloop.rules.policy.ContactPolicyCollector;
                global ContactPolicyCollector policy;
                rule "Stop the engine"
                when
                    ContactRequest()
                then
                    System.exit( 1 );
                end
                """);
        ResponseEntity<JsonNode> file = upload(
                """
                package io.cxloop.rules.policy;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import io.cxloop.rules.policy.ContactPolicyCollector;
                global ContactPolicyCollector policy;
                rule "Read secrets"
                when
                    ContactRequest()
                then
                    Files.readString( Path.of( "/etc/passwd" ) );
                end
                """);

        assertRejected(exit, "drl", "'System' is not allowed");
        assertRejected(file, "drl", "import java.nio.file.Files is not allowed");
        assertThat(analyst().getForObject(VERSIONS, JsonNode.class)).hasSize(versionsBefore);
    }

    @Test
    void aPolicyThatFailsItsScenariosIsRejectedWithTheFailures() {
        String everythingGoes = builtInDrl()
                .replace(
                        "CustomerProfile( consentedChannels not contains $channel )",
                        "CustomerProfile( consentedChannels not contains $channel, customerId == \"nobody\" )");

        assertRejected(
                upload(everythingGoes),
                "scenarios",
                "A channel needs the customer's consent: expected allowed channels [EMAIL] but were [SMS, EMAIL]");
    }

    @Test
    void aPolicyDecisionTableIsUploadedAsXlsx() throws IOException {
        ResponseEntity<JsonNode> uploaded = uploadFile("consent-policy.xlsx", consentTable(), consentTableScenario());

        assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        int version = uploaded.getBody().path("version").asInt();
        JsonNode stored = analyst().getForObject(VERSIONS + "/" + version, JsonNode.class);
        assertThat(stored.path("format").asText()).isEqualTo("XLSX");
        assertThat(stored.path("drl").asText()).contains("rule \"SMS needs consent (decision table)\"");
        assertThat(post(VERSIONS + "/" + version + "/test", null)
                        .getBody()
                        .path("passed")
                        .asBoolean())
                .isTrue();
    }

    // ---- the analysts' versions -------------------------------------------------------------------------------------

    private String builtInDrl() {
        return analyst()
                .getForObject(VERSIONS + "/builtin", JsonNode.class)
                .path("drl")
                .asText();
    }

    /** The built-in policy with an overall cap of one marketing message a week instead of two. */
    private String onePerWeek() {
        String builtIn = builtInDrl();
        assertThat(builtIn).contains("eval( $request.marketingContactsInWindow() >= $cap )", "the cap is \" + $cap");
        return builtIn.replace(
                        "eval( $request.marketingContactsInWindow() >= $cap )",
                        "eval( $request.marketingContactsInWindow() >= 1 )")
                .replace("the cap is \" + $cap", "the cap is 1 (analysts' version)\"");
    }

    /** The built-in policy with an overall cap of no marketing message at all. */
    private String noMarketing() {
        return builtInDrl()
                .replace(
                        "eval( $request.marketingContactsInWindow() >= $cap )",
                        "eval( $request.marketingContactsInWindow() >= 0 )")
                .replace("the cap is \" + $cap", "the cap is 0 (analysts' version)\"");
    }

    /** Under a cap of 0: a marketing e-mail is vetoed, a service e-mail goes. */
    private String scenariosForNoMarketing() throws IOException {
        JsonNode consent = json.readTree(analyst()
                        .getForObject(VERSIONS + "/builtin", JsonNode.class)
                        .path("scenarios")
                        .asText())
                .get(0);
        ArrayNode scenarios = json.createArrayNode();
        for (String purpose : List.of("MARKETING", "SERVICE")) {
            ObjectNode scenario = scenarios.addObject();
            scenario.put("name", purpose + " by e-mail under a cap of 0");
            ObjectNode given = consent.path("given").deepCopy();
            given.putArray("channels").addObject().put("channel", "EMAIL").put("purpose", purpose);
            scenario.set("given", given);
            ObjectNode expect = scenario.putObject("expect");
            expect.put("vetoed", purpose.equals("MARKETING"));
            expect.putArray("allowed");
            if (purpose.equals("SERVICE")) {
                ((ArrayNode) expect.path("allowed")).add("EMAIL");
            } else {
                expect.putArray("rulesFired").add(OVERALL_CAP);
            }
        }
        return json.writeValueAsString(scenarios);
    }

    /** The built-in scenarios, where one marketing message this week now means no second one. */
    private String scenariosForOnePerWeek() throws IOException {
        ArrayNode scenarios = (ArrayNode) json.readTree(analyst()
                .getForObject(VERSIONS + "/builtin", JsonNode.class)
                .path("scenarios")
                .asText());
        int changed = 0;
        for (JsonNode scenario : scenarios) {
            String name = scenario.path("name").asText();
            if (name.startsWith("An SMS at its weekly cap") || name.startsWith("Marketing older than the window")) {
                ObjectNode expect = json.createObjectNode();
                expect.put("vetoed", true);
                expect.putArray("rulesFired").add(OVERALL_CAP);
                ((ObjectNode) scenario).set("expect", expect);
                changed++;
            }
        }
        assertThat(changed).isEqualTo(2);
        return json.writeValueAsString(scenarios);
    }

    /** A decision table as an analyst writes it in Excel: SMS and calls need the customer's consent. */
    private static byte[] consentTable() throws IOException {
        try (Workbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Consent");
            String[][] rows = {
                {"RuleSet", "io.cxloop.rules.policy"},
                {
                    "Import",
                    "io.cxloop.rules.model.Channel, io.cxloop.rules.model.CustomerProfile,"
                            + " io.cxloop.rules.policy.ChannelCandidate,"
                            + " io.cxloop.rules.policy.ContactPolicyCollector"
                },
                {"Variables", "ContactPolicyCollector policy"},
                {},
                {"RuleTable Consent per channel"},
                {"NAME", "CONDITION", "CONDITION", "ACTION"},
                {"", "$candidate : ChannelCandidate", "CustomerProfile", ""},
                {
                    "",
                    "channel == Channel.$param",
                    "consentedChannels not contains Channel.$param",
                    "modify( $candidate ) { setRejected( true ) }; policy.explain( drools.getRule().getName(),"
                            + " \"$param\" );"
                },
                {"Rule", "Channel", "Consent", "Why"},
                {"SMS needs consent (decision table)", "SMS", "SMS", "SMS rejected: no consent"},
                {"Calls need consent (decision table)", "CALL_QUEUE", "CALL_QUEUE", "CALL_QUEUE rejected: no consent"},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The first built-in scenario: e-mail consent only, SMS first → SMS rejected, e-mail allowed. */
    private String consentTableScenario() throws IOException {
        JsonNode first = json.readTree(analyst()
                        .getForObject(VERSIONS + "/builtin", JsonNode.class)
                        .path("scenarios")
                        .asText())
                .get(0);
        ObjectNode scenario = json.createObjectNode();
        scenario.put("name", "SMS without consent is rejected (table)");
        scenario.set("given", first.path("given").deepCopy());
        scenario.set(
                "expect",
                json.valueToTree(Map.of(
                        "allowed",
                        List.of("EMAIL"),
                        "rejected",
                        List.of("SMS"),
                        "vetoed",
                        false,
                        "rulesFired",
                        List.of("SMS needs consent (decision table)"))));
        return json.writeValueAsString(List.of(scenario));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private String customerWithOneMarketingMessageTwoDaysAgo() {
        String customerId = "cp-" + UUID.randomUUID().toString().substring(0, 12);
        ResponseEntity<JsonNode> response = admin().exchange(
                        "/api/customers/" + customerId,
                        HttpMethod.PUT,
                        new HttpEntity<>(germanCustomerWithEmailConsent(customerId + "@example.com")),
                        JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        OffsetDateTime at = utc(Instant.now().minus(Duration.ofDays(2)));
        jdbc.sql(
                        """
                insert into outbox_message (message_id, customer_id, channel, template, recipient, language,
                    text_body, status, next_attempt_at, created_at, updated_at, marketing)
                values (?, ?, 'EMAIL', 'other-process', 'someone@example.com', 'de', 'Hallo', 'SENT', ?, ?, ?, true)""")
                .params(UUID.randomUUID().toString(), customerId, at, at, at)
                .update();
        return customerId;
    }

    /** A customer in a daytime zone who agreed to e-mail and got no message yet. */
    private String customerNeverContacted() {
        String customerId = "cp-new-" + UUID.randomUUID().toString().substring(0, 12);
        ResponseEntity<JsonNode> response = admin().exchange(
                        "/api/customers/" + customerId,
                        HttpMethod.PUT,
                        new HttpEntity<>(germanCustomerWithEmailConsent(customerId + "@example.com")),
                        JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    /** The survey-invitation decision recorded after a delivery to the customer. */
    private JsonNode surveyAfterDelivery(String customerId) {
        assertThat(admin().postForEntity("/api/events", event(customerId, "DELIVERED"), JsonNode.class)
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();
        JsonNode decisions = admin().getForObject("/api/customers/" + customerId + "/decisions", JsonNode.class);
        assertThat(decisions).as("decisions of %s", customerId).hasSize(1);
        return decisions.get(0);
    }

    private JsonNode decide(String customerId) {
        ResponseEntity<JsonNode> response = admin().postForEntity(
                        "/api/decisions/next-best-action",
                        Map.of("customerId", customerId, "context", Map.of("trigger", DAILY_TRIGGER)),
                        JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private TestRestTemplate analyst() {
        return anonymous.withBasicAuth(ANALYST, PASSWORD);
    }

    private ResponseEntity<JsonNode> upload(String drl) {
        return analyst().postForEntity(VERSIONS, Map.of("drl", drl, "comment", "from a test"), JsonNode.class);
    }

    private ResponseEntity<JsonNode> uploadFile(String fileName, byte[] content, String scenarios) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        form.add("scenarios", new HttpEntity<>(scenarios, jsonPart));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return analyst().postForEntity(VERSIONS, new HttpEntity<>(form, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return analyst().postForEntity(path, body, JsonNode.class);
    }

    private static void assertRejected(ResponseEntity<JsonNode> response, String field, String message) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo(field);
            assertThat(error.path("message").asText()).contains(message);
        });
    }
}
