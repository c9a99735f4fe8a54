package io.cxloop.engine.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.Fixtures;
import io.cxloop.engine.support.TestUsers;
import io.cxloop.rules.triage.TriageEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
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
import org.springframework.util.LinkedMultiValueMap;

/**
 * Analysts change the triage decision table without a restart: upload an edited {@code triage.xlsx} (checked cell by
 * cell, complete, tested), activate, feedback is triaged by it and records the version, roll back. Every test leaves
 * the built-in version active: the application context is shared.
 */
class TriageRuleSetIT extends EngineIT {

    private static final String ANALYST = "triageanalyst";
    private static final String PASSWORD = "it-Password-2";
    private static final String VERSIONS = "/api/rulesets/triage/versions";
    private static final String BUILT_IN = "triage@builtin-1";
    private static final String HIGH_VALUE = "High-value detractor: customer care calls back within 4 hours";

    /** Columns of the built-in sheet. */
    private static final int POLICY = 1;

    private static final int NPS_CLASS = 2;
    private static final int TEAM = 7;
    private static final int SLA_HOURS = 8;

    @Autowired
    IdentityService identities;

    @Autowired
    TriageEngine triage;

    @Autowired
    RuleSetService ruleSets;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void anAnalyst() {
        TestUsers.ensure(identities, ANALYST, PASSWORD, "ANALYST");
    }

    @AfterEach
    void builtInIsActiveAgain() {
        while (ruleSets.active("triage").version() != null) {
            ruleSets.rollback("triage", "cleanup");
        }
        assertThat(triage.ruleSetVersion()).isEqualTo(BUILT_IN);
    }

    @Test
    void anEditedTableIsUploadedTestedActivatedTriagesFeedbackAndIsRolledBack() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String customerId = highValueCustomer();
        JsonNode before = feedback(customerId);
        assertThat(before.path("team").asText()).isEqualTo("customer-care");
        assertThat(before.path("slaHours").asInt()).isEqualTo(4);

        byte[] table = edited(sheet -> {
            Row row = row(sheet, HIGH_VALUE);
            row.getCell(TEAM).setCellValue("vip-care");
            row.getCell(SLA_HOURS).setCellValue(2);
        });

        // the built-in scenarios still expect customer care within 4 hours: the upload is rejected and says why
        ResponseEntity<JsonNode> rejected = uploadFile("triage.xlsx", table, null);
        assertRejected(
                rejected,
                "scenarios",
                "A high-value detractor is called back by customer care within 4 hours: expected team 'customer-care'"
                        + " but was 'vip-care'");

        ResponseEntity<JsonNode> uploaded = uploadFile("triage.xlsx", table, scenariosExpectingVipCare());
        assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        int version = uploaded.getBody().path("version").asInt();
        String label = "triage@v" + version;
        assertThat(uploaded.getBody().path("label").asText()).isEqualTo(label);
        assertThat(uploaded.getBody().path("scenarioResults")).hasSize(13);
        JsonNode stored = analyst().getForObject(VERSIONS + "/" + version, JsonNode.class);
        assertThat(stored.path("format").asText()).isEqualTo("XLSX");
        assertThat(stored.path("drl").asText()).contains("team(\"vip-care\")");
        assertThat(stored.path("scenarios").asText()).contains("vip-care");
        assertThat(feedback(customerId).path("team").asText())
                .as("not active before activation")
                .isEqualTo("customer-care");

        JsonNode report = post(VERSIONS + "/" + version + "/test", null).getBody();
        assertThat(report.path("passed").asBoolean()).as("%s", report).isTrue();
        assertThat(report.path("results")).hasSize(13);

        JsonNode simulation = post(
                        VERSIONS + "/" + version + "/simulate?from=" + from + "&to="
                                + Instant.now().plusSeconds(1),
                        null)
                .getBody();
        assertThat(simulation.path("activeVersion").asText()).isEqualTo(BUILT_IN);
        assertThat(simulation.path("candidateVersion").asText()).isEqualTo(label);
        assertThat(simulation.path("changed").asInt()).isPositive();
        assertThat(simulation.path("active").path("team").has("vip-care")).isFalse();
        assertThat(simulation.path("candidate").path("team").path("vip-care").asLong())
                .as("counted by team: %s", simulation.path("candidate"))
                .isPositive();
        assertThat(simulation
                        .path("candidate")
                        .path("severity")
                        .path("CRITICAL")
                        .asLong())
                .isPositive();
        assertThat(simulation.path("changes"))
                .filteredOn(change -> change.path("decisionId")
                        .asText()
                        .equals(before.path("feedbackId").asText()))
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.path("active").asText())
                            .isEqualTo("CALL_BACK by customer-care within 4 h (CRITICAL)");
                    assertThat(change.path("candidate").asText())
                            .isEqualTo("CALL_BACK by vip-care within 2 h (CRITICAL)");
                });

        JsonNode active = post(VERSIONS + "/" + version + "/activate", null).getBody();
        assertThat(active.path("label").asText()).isEqualTo(label);
        assertThat(analyst()
                        .getForObject("/api/rulesets/triage", JsonNode.class)
                        .path("version")
                        .asInt())
                .isEqualTo(version);

        JsonNode after = feedback(customerId);
        assertThat(after.path("team").asText()).isEqualTo("vip-care");
        assertThat(after.path("slaHours").asInt()).isEqualTo(2);
        assertThat(after.path("firedRules").get(0).asText()).isEqualTo(HIGH_VALUE);
        JsonNode storedFeedback =
                admin().getForObject("/api/feedback/" + after.path("feedbackId").asText(), JsonNode.class);
        assertThat(storedFeedback.path("ruleSetVersion").asText()).isEqualTo(label);
        assertThat(storedFeedback.path("team").asText()).isEqualTo("vip-care");
        assertThat(admin().getForObject(
                                "/api/feedback/" + before.path("feedbackId").asText(), JsonNode.class)
                        .path("ruleSetVersion")
                        .asText())
                .isEqualTo(BUILT_IN);

        JsonNode rolledBack = post("/api/rulesets/triage/rollback", null).getBody();
        assertThat(rolledBack.path("label").asText()).isEqualTo(BUILT_IN);
        JsonNode again = feedback(customerId);
        assertThat(again.path("team").asText()).isEqualTo("customer-care");
        assertThat(admin().getForObject(
                                "/api/feedback/" + again.path("feedbackId").asText(), JsonNode.class)
                        .path("ruleSetVersion")
                        .asText())
                .isEqualTo(BUILT_IN);
    }

    @Test
    void aTableWithWrongCellsIsRejectedNamingEveryCell() {
        byte[] table = edited(sheet -> {
            Row row = row(sheet, HIGH_VALUE);
            row.getCell(NPS_CLASS).setCellValue("DETRACTORS");
            row.getCell(TEAM).setCellValue("VIP Care");
        });

        ResponseEntity<JsonNode> rejected = uploadFile("triage.xlsx", table, null);

        assertRejected(rejected, "file", "NPS class must be one of [DETRACTOR, PASSIVE, PROMOTER]; was 'DETRACTORS'");
        assertRejected(rejected, "file", "Team must be a team name in lower case letters");
    }

    @Test
    void aTableThatLeavesFeedbackUndecidedIsRejected() {
        byte[] table = edited(sheet ->
                row(sheet, "Passive gets a thank-you").getCell(NPS_CLASS).setCellValue("PROMOTER"));

        ResponseEntity<JsonNode> rejected = uploadFile("triage.xlsx", table, null);

        assertRejected(rejected, "file", "No row of triage rule set");
    }

    @Test
    void triageRulesAsDrlMayUseOnlyTheTriageFactModel() {
        String drl = analyst()
                .getForObject(VERSIONS + "/builtin", JsonNode.class)
                .path("drl")
                .asText();
        assertThat(drl).contains("global TriageCollector decision;");

        ResponseEntity<JsonNode> unsafe = analyst()
                .postForEntity(
                        VERSIONS,
                        Map.of("drl", drl.replace("team(\"billing\");", "team(System.getenv(\"HOME\"));")),
                        JsonNode.class);
        assertRejected(unsafe, "drl", "'System' is not allowed");

        ResponseEntity<JsonNode> fine =
                analyst().postForEntity(VERSIONS, Map.of("drl", drl, "comment", "the same as DRL"), JsonNode.class);
        assertThat(fine.getStatusCode()).as("%s", fine.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private String scenariosExpectingVipCare() throws IOException {
        String builtIn = analyst()
                .getForObject(VERSIONS + "/builtin", JsonNode.class)
                .path("scenarios")
                .asText();
        ArrayNode scenarios = (ArrayNode) json.readTree(builtIn);
        for (JsonNode scenario : scenarios) {
            ObjectNode expect = (ObjectNode) scenario.path("expect");
            if (HIGH_VALUE.equals(expect.path("decidingRule").asText())) {
                ((ObjectNode) scenario).put("name", "A high-value detractor is called back by VIP care within 2 hours");
                expect.put("team", "vip-care");
                expect.put("slaHours", 2);
            }
        }
        return json.writeValueAsString(scenarios);
    }

    private String highValueCustomer() {
        String customerId = "triage-" + UUID.randomUUID();
        Map<String, Object> customer =
                new HashMap<>(Fixtures.germanCustomerWithEmailConsent(customerId + "@example.org"));
        customer.put("valueSegment", "HIGH");
        ResponseEntity<JsonNode> saved = admin().exchange(
                        "/api/customers/" + customerId, HttpMethod.PUT, new HttpEntity<>(customer), JsonNode.class);
        assertThat(saved.getStatusCode().is2xxSuccessful()).isTrue();
        return customerId;
    }

    /** A detractor's NPS without a comment: the high-value row decides. */
    private JsonNode feedback(String customerId) {
        Map<String, Object> feedback = new HashMap<>();
        feedback.put("feedbackId", "fb-" + UUID.randomUUID());
        feedback.put("customerId", customerId);
        feedback.put("touchpoint", "WEB_SHOP");
        feedback.put("channel", "EMAIL");
        feedback.put("scoreType", "NPS");
        feedback.put("score", 3);
        feedback.put("occurredAt", Instant.now().toString());
        ResponseEntity<JsonNode> response = admin().postForEntity("/api/feedback", feedback, JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return response.getBody();
    }

    /** The built-in table with an analyst's edits, as saved from Excel. */
    private static byte[] edited(Consumer<Sheet> edit) {
        try (InputStream in = TriageRuleSetIT.class
                        .getClassLoader()
                        .getResourceAsStream("io/cxloop/rules/triage/triage.xlsx");
                Workbook workbook = WorkbookFactory.create(in);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(workbook.getSheetAt(0));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(Sheet sheet, String policy) {
        DataFormatter formatter = new DataFormatter();
        for (Row row : sheet) {
            Cell cell = row.getCell(POLICY);
            if (cell != null && policy.equals(formatter.formatCellValue(cell).strip())) {
                return row;
            }
        }
        throw new IllegalArgumentException("no row " + policy);
    }

    private TestRestTemplate analyst() {
        return anonymous.withBasicAuth(ANALYST, PASSWORD);
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return analyst().postForEntity(path, body, JsonNode.class);
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
            HttpHeaders jsonPart = new HttpHeaders();
            jsonPart.setContentType(MediaType.APPLICATION_JSON);
            form.add("scenarios", new HttpEntity<>(scenarios, jsonPart));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return analyst().postForEntity(VERSIONS, new HttpEntity<>(form, headers), JsonNode.class);
    }

    private static void assertRejected(ResponseEntity<JsonNode> response, String field, String message) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo(field);
            assertThat(error.path("message").asText()).contains(message);
        });
    }
}
