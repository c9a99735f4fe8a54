package io.cxloop.engine.ruleset;

import static io.cxloop.engine.support.Fixtures.germanCustomerWithEmailConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.TestUsers;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.CustomerProfile;
import io.cxloop.rules.model.Offer;
import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.nba.NextBestActionRequest;
import io.cxloop.rules.nba.ReconnectContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * An analyst changes the next-best-action rules without a restart: upload (checked, compiled, tested), activate,
 * decisions use it, roll back. Every test leaves the built-in version active: the application context is shared.
 */
class RuleSetLifecycleIT extends EngineIT {

    private static final String ANALYST = "rulesanalyst";
    private static final String PASSWORD = "it-Password-1";
    private static final String VERSIONS = "/api/rulesets/next-best-action/versions";
    private static final String MARKER = "chosen (analyst's version)";

    @Autowired
    IdentityService identities;

    @Autowired
    NextBestActionEngine engine;

    @Autowired
    RuleSetService ruleSets;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void anAnalyst() {
        TestUsers.ensure(identities, ANALYST, PASSWORD, "ANALYST");
    }

    @AfterEach
    void builtInIsActiveAgain() {
        while (ruleSets.active("next-best-action").version() != null) {
            ruleSets.rollback("next-best-action", "cleanup");
        }
        assertThat(engine.ruleSetVersion()).isEqualTo("next-best-action@builtin-1");
    }

    @Test
    void aRuleThatStopsTheJvmIsRejectedBeforeAnythingRuns() {
        ResponseEntity<JsonNode> response = upload(
                header()
                        + """
                rule "Stop the engine"
                when
                    ReconnectContext()
                then
                    System.exit( 1 );
                end
                """);

        assertRejected(response, "drl", "'System' is not allowed");
    }

    @Test
    void aRuleThatReadsAFileIsRejected() {
        ResponseEntity<JsonNode> response = upload(
                """
                package io.cxloop.rules.nba;
                import java.nio.file.Files;
                import java.nio.file.Path;
                rule "Read secrets"
                when
                    ReconnectContext()
                then
                    Files.readString( Path.of( "/etc/passwd" ) );
                end
                """);

        assertRejected(response, "drl", "import java.nio.file.Files is not allowed");
    }

    @Test
    void aRuleThatUsesReflectionIsRejected() {
        ResponseEntity<JsonNode> response = upload(
                header()
                        + """
                rule "Look inside"
                when
                    $context : ReconnectContext()
                then
                    $context.getClass().getDeclaredFields()[0].setAccessible( true );
                end
                """);

        assertRejected(response, "drl", "'getClass' is not allowed");
        assertRejected(response, "drl", "'setAccessible' is not allowed");
    }

    @Test
    void aRuleSetThatDoesNotCompileIsRejectedWithTheCompilerMessages() {
        ResponseEntity<JsonNode> response = upload(
                header()
                        + """
                rule "Unknown fact"
                when
                    NoSuchFact()
                then
                end
                """);

        assertRejected(response, "drl", "NoSuchFact");
    }

    @Test
    void aRuleSetThatFailsTheScenarioTestsIsRejectedAndNotStored() {
        int versionsBefore = versions().size();
        ResponseEntity<JsonNode> response = upload(
                header()
                        + """
                rule "Nobody gets anything"
                when
                    ReconnectContext()
                then
                    decision.explain( drools.getRule().getName(), "no action for anyone" );
                end
                """);

        assertRejected(
                response,
                "scenarios",
                "A customer who agreed to e-mail gets the offer by e-mail: expected action RECONNECT_OFFER but was"
                        + " NO_ACTION");
        assertThat(versions()).hasSize(versionsBefore);
    }

    @Test
    void uploadTestActivateDecideAndRollBackThroughTheApi() {
        String customerId = newCustomer();
        assertThat(decide(customerId).path("ruleSetVersion").asText()).isEqualTo("next-best-action@builtin-1");

        ResponseEntity<JsonNode> uploaded = upload(analystsVersion());
        assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        int version = uploaded.getBody().path("version").asInt();
        String label = "next-best-action@v" + version;
        assertThat(uploaded.getBody().path("label").asText()).isEqualTo(label);
        assertThat(uploaded.getBody().path("scenarioResults")).hasSize(11).allSatisfy(result -> assertThat(
                        result.path("passed").asBoolean())
                .isTrue());
        assertThat(decide(customerId).path("ruleSetVersion").asText())
                .as("not active before activation")
                .isEqualTo("next-best-action@builtin-1");

        JsonNode report = post(VERSIONS + "/" + version + "/test", null).getBody();
        assertThat(report.path("passed").asBoolean()).isTrue();

        JsonNode active = post(VERSIONS + "/" + version + "/activate", null).getBody();
        assertThat(active.path("label").asText()).isEqualTo(label);
        assertThat(active.path("activatedBy").asText()).isEqualTo(ANALYST);

        JsonNode decision = decide(customerId);
        assertThat(decision.path("ruleSetVersion").asText()).isEqualTo(label);
        assertThat(decision.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(decision.path("explanation").toString()).contains(MARKER);
        JsonNode stored = admin().getForObject("/api/customers/" + customerId + "/decisions", JsonNode.class);
        assertThat(stored.get(0).path("ruleSetVersion").asText()).isEqualTo(label);

        JsonNode rolledBack =
                post("/api/rulesets/next-best-action/rollback", null).getBody();
        assertThat(rolledBack.path("label").asText()).isEqualTo("next-best-action@builtin-1");
        assertThat(decide(customerId).path("ruleSetVersion").asText()).isEqualTo("next-best-action@builtin-1");
        assertThat(versions())
                .anySatisfy(v -> assertThat(v.path("label").asText()).isEqualTo(label))
                .filteredOn(v -> v.path("active").asBoolean())
                .singleElement()
                .satisfies(v -> assertThat(v.has("version")).isFalse());
    }

    @Test
    void aSimulationReplaysRecordedDecisionsAndReportsWhatTheCandidateWouldChange() {
        Instant from = Instant.now().minusSeconds(1);
        String simulated = newCustomer("sim-");
        String simulatedToo = newCustomer("sim-");
        String unaffected = newCustomer();
        decide(simulated);
        decide(simulatedToo);
        decide(unaffected);
        int version = upload(
                        analystsVersion()
                                + """

                        rule "Simulated customers are not e-mailed"
                            salience 100
                        when
                            CustomerProfile( customerId.startsWith( "sim-" ) )
                            $candidate : ChannelCandidate( channel == Channel.EMAIL, rejected == false )
                        then
                            modify( $candidate ) { setRejected( true ) };
                            decision.explain( drools.getRule().getName(), "EMAIL rejected for the simulation" );
                        end
                        """)
                .getBody()
                .path("version")
                .asInt();

        JsonNode report = post(
                        VERSIONS + "/" + version + "/simulate?from=" + from + "&to="
                                + Instant.now().plusSeconds(1),
                        null)
                .getBody();

        assertThat(report.path("candidateVersion").asText()).isEqualTo("next-best-action@v" + version);
        assertThat(report.path("activeVersion").asText()).isEqualTo("next-best-action@builtin-1");
        assertThat(report.path("decisions").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(report.path("changed").asInt()).isEqualTo(2);
        assertThat(report.path("changes"))
                .extracting(change -> change.path("customerId").asText())
                .containsExactlyInAnyOrder(simulated, simulatedToo);
        assertThat(report.path("changes").get(0).path("active").asText())
                .matches("RECONNECT_OFFER on EMAIL with trigger:[a-z0-9-]+ \\(15 %\\)");
        assertThat(report.path("changes").get(0).path("candidate").asText()).isEqualTo("NO_ACTION");
        assertThat(report.path("candidate").path("action").path("NO_ACTION").asLong()
                        - report.path("active").path("action").path("NO_ACTION").asLong())
                .isEqualTo(2);
        assertThat(engine.ruleSetVersion())
                .as("a simulation activates nothing")
                .isEqualTo("next-best-action@builtin-1");

        assertThat(post(VERSIONS + "/" + version + "/activate", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(decide(simulated).path("action").asText()).isEqualTo("NO_ACTION");
        assertThat(post("/api/rulesets/next-best-action/rollback", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(decide(simulated).path("action").asText()).isEqualTo("RECONNECT_OFFER");
        assertThat(post(VERSIONS + "/" + version + "/simulate?from=" + Instant.now() + "&to=" + from, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aDrlFileCanBeUploadedAsAFormWithItsOwnScenarios() {
        String scenarios = analyst()
                .getForObject(VERSIONS + "/builtin", JsonNode.class)
                .path("scenarios")
                .asText();

        ResponseEntity<JsonNode> uploaded =
                uploadFile("analysts-version.drl", analystsVersion().getBytes(), scenarios);

        assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        int version = uploaded.getBody().path("version").asInt();
        JsonNode stored = analyst().getForObject(VERSIONS + "/" + version, JsonNode.class);
        assertThat(stored.path("format").asText()).isEqualTo("DRL");
        assertThat(stored.path("sourceName").asText()).isEqualTo("analysts-version.drl");
        assertThat(stored.path("drl").asText()).contains(MARKER);
    }

    @Test
    void aSpreadsheetThatIsNoDecisionTableIsRejectedAndOtherFilesAreRefused() {
        ResponseEntity<JsonNode> notATable = uploadFile("offers.xlsx", "this is not a spreadsheet".getBytes(), null);
        assertRejected(notATable, "file", "offers.xlsx: not a readable decision table");

        ResponseEntity<JsonNode> notRules = uploadFile("rules.txt", "rule".getBytes(), null);
        assertThat(notRules.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notRules.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("file");
    }

    @Test
    void theScenarioTestsOfAVersionRunOnRequestWithOtherScenariosToo() {
        JsonNode report = post(
                        VERSIONS + "/builtin/test",
                        List.of(Map.of(
                                "name",
                                "A customer without consent would get e-mail (wrong on purpose)",
                                "given",
                                Map.of(
                                        "customer",
                                        Map.of(
                                                "customerId", "x",
                                                "language", "de",
                                                "timezone", "Europe/Berlin",
                                                "email", "x@example.org",
                                                "consentedChannels", List.of()),
                                        "reconnect",
                                        Map.of(
                                                "triggerKey",
                                                "cart-abandoned",
                                                "channels",
                                                List.of("EMAIL"),
                                                "reEntry",
                                                "P7D",
                                                "offer",
                                                Map.of("percent", 15, "validity", "PT24H")),
                                        "now",
                                        "2025-06-02T09:00:00Z"),
                                "expect",
                                Map.of("action", "RECONNECT_OFFER"))))
                .getBody();

        assertThat(report.path("passed").asBoolean()).isFalse();
        assertThat(report.path("results").get(0).path("failures").get(0).asText())
                .isEqualTo("expected action RECONNECT_OFFER but was NO_ACTION");
    }

    @Test
    void badRequestsNameTheProblem() {
        assertThat(post(VERSIONS + "/latest/activate", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(VERSIONS + "/99999/activate", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/api/rulesets/no-such-rules/versions/builtin/test", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/api/rulesets/next-best-action/rollback", null).getStatusCode())
                .as("nothing to roll back while the built-in version is active")
                .isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> badScenarios = analyst()
                .postForEntity(VERSIONS, Map.of("drl", analystsVersion(), "scenarios", "not a list"), JsonNode.class);
        assertThat(badScenarios.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badScenarios.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("scenarios");
        assertThat(anonymous
                        .withBasicAuth(ADMIN, ADMIN_PASSWORD)
                        .postForEntity("/api/decisions/next-best-action", Map.of("customerId", ""), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void decisionsDuringActivationAllSucceedOnTheOldOrTheNewVersion() throws Exception {
        int version = upload(analystsVersion()).getBody().path("version").asInt();
        String label = "next-best-action@v" + version;
        NextBestActionRequest request = new NextBestActionRequest(
                new CustomerProfile("hammer", "de", "Europe/Berlin", "h@example.org", null, Set.of(Channel.EMAIL)),
                new ReconnectContext(
                        "cart-abandoned",
                        List.of(Channel.EMAIL),
                        Duration.ofDays(7),
                        new Offer(15, Duration.ofHours(24), true)),
                List.of(),
                Instant.now());
        AtomicBoolean switching = new AtomicBoolean(true);
        AtomicInteger decided = new AtomicInteger();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<? extends Future<?>> deciders = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> threads.submit(() -> {
                        while (switching.get()) {
                            NextBestAction action = engine.decide(request);
                            assertThat(action.channel()).isEqualTo(Channel.EMAIL);
                            versionsSeen.add(action.ruleSetVersion());
                            decided.incrementAndGet();
                        }
                    }))
                    .toList();
            for (int round = 0; round < 3; round++) {
                assertThat(post(VERSIONS + "/" + version + "/activate", null).getStatusCode())
                        .isEqualTo(HttpStatus.OK);
                assertThat(post("/api/rulesets/next-best-action/rollback", null).getStatusCode())
                        .isEqualTo(HttpStatus.OK);
            }
            switching.set(false);
            for (Future<?> decider : deciders) {
                decider.get(30, TimeUnit.SECONDS); // rethrows a failed decision
            }
        } finally {
            switching.set(false);
            threads.shutdownNow();
        }
        assertThat(decided.get()).isPositive();
        assertThat(versionsSeen).contains("next-best-action@builtin-1").containsAnyOf(label);
    }

    @Test
    void anActivationByAnotherNodeIsPickedUpWithoutARestart() {
        int version = upload(analystsVersion()).getBody().path("version").asInt();

        // what another node's activation leaves in the shared database
        jdbc.sql(
                        """
                insert into rule_set_activation (rule_set, version, activated_at, activated_by)
                values ('next-best-action', ?, ?, 'analyst-on-node-b')""")
                .params(version, OffsetDateTime.now(ZoneOffset.UTC))
                .update();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(engine.ruleSetVersion()).isEqualTo("next-best-action@v" + version));
    }

    @Test
    void aDecisionTableIsUploadedTestedActivatedAndDecides() throws Exception {
        String customerId = newCustomer();
        String scenarios = decisionTableScenarios();

        ResponseEntity<JsonNode> uploaded = uploadFile("offer-by-channel.xlsx", offerByChannelTable(), scenarios);

        assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        int version = uploaded.getBody().path("version").asInt();
        String label = "next-best-action@v" + version;
        assertThat(uploaded.getBody().path("scenarioResults"))
                .extracting(result -> result.path("passed").asBoolean())
                .containsExactly(true, true);
        JsonNode stored = analyst().getForObject(VERSIONS + "/" + version, JsonNode.class);
        assertThat(stored.path("format").asText()).isEqualTo("XLSX");
        assertThat(stored.path("sourceName").asText()).isEqualTo("offer-by-channel.xlsx");
        assertThat(stored.path("drl").asText()).contains("rule \"E-mail offer (decision table)\"");
        assertThat(post(VERSIONS + "/" + version + "/test", null)
                        .getBody()
                        .path("passed")
                        .asBoolean())
                .isTrue();

        assertThat(post(VERSIONS + "/" + version + "/activate", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        JsonNode decision = decide(customerId);
        assertThat(decision.path("ruleSetVersion").asText()).isEqualTo(label);
        assertThat(decision.path("action").asText()).isEqualTo("RECONNECT_OFFER");
        assertThat(decision.path("channel").asText()).isEqualTo("EMAIL");
        // the table decides; the active contact policy, composed with it, still explains the channel it rejected
        assertThat(decision.path("explanation"))
                .extracting(explanation -> explanation.path("rule").asText())
                .containsExactly("Channel needs the customer's consent", "E-mail offer (decision table)");
        assertThat(decision.path("explanation").get(1).path("reason").asText())
                .isEqualTo("EMAIL chosen by the analysts' decision table");
        assertThat(decision.path("contactPolicyVersion").asText()).isEqualTo("contact-policy@builtin-1");
        JsonNode recorded = admin().getForObject("/api/customers/" + customerId + "/decisions", JsonNode.class);
        assertThat(recorded.get(0).path("ruleSetVersion").asText()).isEqualTo(label);

        assertThat(post("/api/rulesets/next-best-action/rollback", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(decide(customerId).path("ruleSetVersion").asText()).isEqualTo("next-best-action@builtin-1");
    }

    @Test
    void aRuleSetWhoseFunctionNeverEndsIsRejectedAfterTheTimeLimit() {
        int versionsBefore = versions().size();
        long started = System.nanoTime();

        ResponseEntity<JsonNode> response = upload(
                header()
                        + """
                function void waitForever() {
                    while (true) {
                    }
                }

                rule "Never decides"
                when
                    ReconnectContext()
                then
                    waitForever();
                end
                """);

        assertRejected(response, "drl", "did not finish within 10 s and was stopped");
        assertThat(response.getBody().path("detail").asText()).contains("never finishes");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(versions()).hasSize(versionsBefore);
        assertThat(decide(newCustomer()).path("action").asText())
                .as("the engine decides as before")
                .isEqualTo("RECONNECT_OFFER");
    }

    @Test
    void aRuleThatReactivatesItselfForeverIsStoppedByTheFiringLimitAndRejected() {
        ResponseEntity<JsonNode> response = upload(
                header()
                        + """
                import io.cxloop.rules.policy.ChannelCandidate;

                rule "Again and again"
                when
                    $candidate : ChannelCandidate()
                then
                    insert( new ChannelCandidate( $candidate.getChannel(), $candidate.getRank() + 1, $candidate.getPurpose() ) );
                end
                """);

        assertRejected(response, "scenarios", "was stopped: it loops");
    }

    private static String header() {
        return """
                package io.cxloop.rules.nba;
                import io.cxloop.rules.model.Channel;
                import io.cxloop.rules.nba.internal.DecisionCollector;
                global DecisionCollector decision;
                """;
    }

    /** The built-in rules with the choice worded differently, so that decisions show which version made them. */
    private String analystsVersion() {
        String builtIn = analyst()
                .getForObject(VERSIONS + "/builtin", JsonNode.class)
                .path("drl")
                .asText();
        assertThat(builtIn).contains(" chosen: it is the first channel");
        return builtIn.replace(" chosen: it is the first channel", " " + MARKER + ": it is the first channel");
    }

    /**
     * A decision table as an analyst writes it in Excel: the offer goes out on a channel the customer agreed to, for
     * the cart-abandoned trigger.
     */
    private static byte[] offerByChannelTable() throws IOException {
        try (Workbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Offers");
            String[][] rows = {
                {"RuleSet", "io.cxloop.rules.nba"},
                {
                    "Import",
                    "io.cxloop.rules.model.Channel, io.cxloop.rules.model.CustomerProfile,"
                            + " io.cxloop.rules.policy.ChannelCandidate,"
                            + " io.cxloop.rules.nba.internal.DecisionCollector"
                },
                {"Variables", "DecisionCollector decision"},
                {},
                {"RuleTable Offer by channel"},
                {"NAME", "CONDITION", "CONDITION", "CONDITION", "ACTION"},
                {"", "$candidate : ChannelCandidate", "CustomerProfile", "$context : ReconnectContext", ""},
                {
                    "",
                    "channel == Channel.$param",
                    "consentedChannels contains Channel.$param",
                    "triggerKey == \"$param\"",
                    "decision.chooseReconnectOffer( $candidate.getChannel(), $context.offer() );"
                            + " decision.explain( drools.getRule().getName(), \"$param\" );"
                },
                {"Rule", "Channel", "Consent", "Trigger", "Why"},
                {
                    "E-mail offer (decision table)",
                    "EMAIL",
                    "EMAIL",
                    "cart-abandoned",
                    "EMAIL chosen by the analysts' decision table"
                },
                {
                    "SMS offer (decision table)",
                    "SMS",
                    "SMS",
                    "cart-abandoned",
                    "SMS chosen by the analysts' decision table"
                },
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

    /** Two scenarios for the decision table, on the facts of the first built-in scenario (e-mail consent). */
    private String decisionTableScenarios() throws IOException {
        String builtIn = analyst()
                .getForObject(VERSIONS + "/builtin", JsonNode.class)
                .path("scenarios")
                .asText();
        ObjectMapper json = new ObjectMapper();
        JsonNode given = json.readTree(builtIn).get(0).path("given");
        ObjectNode emailed = json.createObjectNode();
        emailed.put("name", "A customer who agreed to e-mail gets the offer by e-mail (table)");
        emailed.set("given", given.deepCopy());
        emailed.set(
                "expect",
                json.valueToTree(Map.of(
                        "action",
                        "RECONNECT_OFFER",
                        "channel",
                        "EMAIL",
                        "offerPercent",
                        15,
                        "rulesFired",
                        List.of("E-mail offer (decision table)"))));
        ObjectNode withoutConsent = json.createObjectNode();
        withoutConsent.put("name", "A customer without consent gets nothing (table)");
        JsonNode noConsent = given.deepCopy();
        ((ObjectNode) noConsent.path("customer")).putArray("consentedChannels");
        withoutConsent.set("given", noConsent);
        withoutConsent.set("expect", json.valueToTree(Map.of("action", "NO_ACTION")));
        return json.writeValueAsString(List.of(emailed, withoutConsent));
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
        if (scenarios != null) {
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            form.add("scenarios", new HttpEntity<>(scenarios, json));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return analyst().postForEntity(VERSIONS, new HttpEntity<>(form, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return analyst().postForEntity(path, body, JsonNode.class);
    }

    private List<JsonNode> versions() {
        JsonNode versions = analyst().getForObject(VERSIONS, JsonNode.class);
        return java.util.stream.StreamSupport.stream(versions.spliterator(), false)
                .toList();
    }

    private static void assertRejected(ResponseEntity<JsonNode> response, String field, String message) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo(field);
            assertThat(error.path("message").asText()).contains(message);
        });
    }

    private String newCustomer() {
        return newCustomer("rules-");
    }

    private String newCustomer(String prefix) {
        String customerId = prefix + UUID.randomUUID().toString().substring(0, 12);
        ResponseEntity<JsonNode> response = admin().exchange(
                        "/api/customers/" + customerId,
                        HttpMethod.PUT,
                        new HttpEntity<>(germanCustomerWithEmailConsent(customerId + "@example.com")),
                        JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    private JsonNode decide(String customerId) {
        ResponseEntity<JsonNode> response = admin().postForEntity(
                        "/api/decisions/next-best-action",
                        Map.of("customerId", customerId, "context", Map.of("trigger", "cart-abandoned")),
                        JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
