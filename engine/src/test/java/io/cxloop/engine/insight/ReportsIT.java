package io.cxloop.engine.insight;

import static io.cxloop.engine.support.Fixtures.customerWithoutConsent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.security.Role;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.TestUsers;
import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.feedback.ScoreType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reports over a known week of feedback and cases in February 2031, far from every other test's data. Customers
 * come through the REST API; feedback and cases are written straight to their tables, because posting feedback
 * starts the closed loop (cases of the triage teams, call-backs, e-mails) and the lexicons would choose the topics,
 * while the reports only read what is stored.
 *
 * <p>The week: web shop NPS 30 (10 answers), call center -75 (4), store 66.7 (6); overall 9 promoters and 5
 * detractors of 20 answers, NPS 20.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT extends EngineIT {

    static final String WEEK = "from=2031-02-03&to=2031-02-05";
    static final String PASSWORD = "reports-test-password";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityService identities;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String careTeam = "rpt-" + run + "-care";
    final String webTeam = "rpt-" + run + "-web";
    final String anna = "rpt-" + run + "-anna";
    final String ben = "rpt-" + run + "-ben";
    final String carl = "rpt-" + run + "-carl";
    final String analyst = "rpt-analyst-" + run;
    final String agent = "rpt-agent-" + run;
    int feedbackCount;

    @BeforeAll
    void aWeekOfFeedbackAndCases() {
        String shopper = customer("HIGH");
        String caller = customer("LOW");
        String visitor = customer(null);

        for (int score : new int[] {9, 9, 10, 10, 9, 7, 8, 7}) {
            feedback(shopper, "WEB_SHOP", "EMAIL", "PRE_PURCHASE", ScoreType.NPS, score, null, "2031-02-04T09:00");
        }
        String lateParcel = feedback(
                shopper, "WEB_SHOP", "EMAIL", "PRE_PURCHASE", ScoreType.NPS, 3, "DELIVERY,PRICE", "2031-02-03T07:00");
        String slowParcel = feedback(
                shopper, "WEB_SHOP", "EMAIL", "PRE_PURCHASE", ScoreType.NPS, 6, "DELIVERY", "2031-02-03T07:30");
        feedback(shopper, "WEB_SHOP", "EMAIL", "PRE_PURCHASE", ScoreType.CSAT, 4, null, "2031-02-04T09:00");
        feedback(shopper, "WEB_SHOP", "EMAIL", "PRE_PURCHASE", ScoreType.CSAT, 5, null, "2031-02-04T09:00");

        feedback(caller, "CALL_CENTER", "CALL_QUEUE", "SERVICE", ScoreType.NPS, 7, null, "2031-02-04T09:00");
        String longQueue = feedback(
                caller,
                "CALL_CENTER",
                "CALL_QUEUE",
                "SERVICE",
                ScoreType.NPS,
                0,
                "STAFF,WAITING_TIME",
                "2031-02-04T09:00");
        String onHold = feedback(
                caller, "CALL_CENTER", "CALL_QUEUE", "SERVICE", ScoreType.NPS, 2, "WAITING_TIME", "2031-02-04T09:00");
        String unexplained =
                feedback(caller, "CALL_CENTER", "CALL_QUEUE", "SERVICE", ScoreType.NPS, 5, null, "2031-02-04T14:00");
        String hardWork = feedback(
                caller, "CALL_CENTER", "CALL_QUEUE", "SERVICE", ScoreType.CES, 2, "WAITING_TIME", "2031-02-04T11:00");

        for (int score : new int[] {9, 10, 9, 10, 8, 7}) {
            feedback(visitor, "STORE", "SMS", null, ScoreType.NPS, score, null, "2031-02-05T18:00");
        }

        // neither the answer to a follow-up survey nor feedback after the week counts
        String followUp =
                feedback(caller, "CALL_CENTER", "CALL_QUEUE", "SERVICE", ScoreType.NPS, 10, null, "2031-02-05T09:00");
        jdbc.sql("update feedback set follow_up_of_case = 'some-case' where feedback_id = ?")
                .param(followUp)
                .update();
        String nextWeek = feedback(visitor, "STORE", "SMS", null, ScoreType.NPS, 0, "STAFF", "2031-02-10T10:00");

        // the care team: met, breached and reopened, met then unconfirmed, overdue and escalated
        caseOf(
                longQueue,
                careTeam,
                anna,
                "CLOSED",
                "02-04T10:00",
                "02-04T14:00",
                "02-04T11:00",
                "02-04T20:00",
                false,
                "LOOP_CLOSED",
                "LONG_QUEUE");
        String reopened = caseOf(
                onHold,
                careTeam,
                anna,
                "CLOSED",
                "02-04T10:00",
                "02-04T12:00",
                "02-04T13:00",
                "02-05T09:00",
                true,
                "NOT_IMPROVED",
                "LONG_QUEUE");
        jdbc.sql("insert into case_history (case_id, seq, at, event) values (?, 1, ?, 'REOPENED')")
                .params(reopened, at("02-04T18:00"))
                .update();
        caseOf(
                hardWork,
                careTeam,
                ben,
                "CLOSED_UNCONFIRMED",
                "02-04T12:00",
                "02-04T16:00",
                "02-04T12:30",
                "02-05T12:00",
                false,
                "UNCONFIRMED",
                "UNTRAINED_AGENT");
        caseOf(unexplained, careTeam, null, "ESCALATED", "02-04T15:00", "02-04T19:00", null, null, true, null, null);
        // after the week: only counts as backlog if open, and this one is closed
        caseOf(
                nextWeek,
                careTeam,
                ben,
                "CLOSED",
                "02-10T10:00",
                "02-10T14:00",
                "02-10T12:00",
                "02-11T10:00",
                false,
                "LOOP_CLOSED",
                "RUDE_STAFF");
        // the web team: closed without a call before its due time; contacted in time and waiting for the follow-up
        caseOf(
                lateParcel,
                webTeam,
                carl,
                "CLOSED",
                "02-03T08:00",
                "02-03T10:00",
                null,
                "02-03T09:00",
                false,
                "LOOP_CLOSED",
                "LATE_PARCEL");
        caseOf(
                slowParcel,
                webTeam,
                carl,
                "CONTACTED",
                "02-03T08:00",
                "02-03T12:00",
                "02-03T10:00",
                null,
                false,
                null,
                "LATE_PARCEL");

        userInGroup(analyst, Role.ANALYST);
        userInGroup(agent, Role.AGENT);
    }

    @Test
    void npsPerTouchpointCountsOnlyNpsAnswersAndAveragesCsatAndCesApart() {
        JsonNode report = get("/api/reports/nps?" + WEEK);

        assertThat(report.path("by").asText()).isEqualTo("touchpoint");
        assertThat(report.path("followUpsExcluded").asBoolean()).isTrue();
        assertThat(report.path("from").asText()).isEqualTo("2031-02-03T00:00:00Z");
        assertThat(report.path("to").asText()).isEqualTo("2031-02-06T00:00:00Z");
        assertRow(group(report, "WEB_SHOP"), 10, 5, 3, 2, "30.0");
        assertThat(group(report, "WEB_SHOP").path("csat").path("responses").asLong())
                .isEqualTo(2);
        assertThat(group(report, "WEB_SHOP").path("csat").path("average").decimalValue())
                .isEqualByComparingTo("4.50");
        assertRow(group(report, "CALL_CENTER"), 4, 0, 1, 3, "-75.0");
        assertThat(group(report, "CALL_CENTER").path("ces").path("responses").asLong())
                .isEqualTo(1);
        assertThat(group(report, "CALL_CENTER").path("ces").path("average").decimalValue())
                .isEqualByComparingTo("2");
        assertThat(group(report, "CALL_CENTER").path("csat").path("responses").asLong())
                .isZero();
        assertThat(group(report, "CALL_CENTER").path("csat").hasNonNull("average"))
                .isFalse();
        assertRow(group(report, "STORE"), 6, 4, 2, 0, "66.7");
        assertRow(report.path("total"), 20, 9, 6, 5, "20.0");
        assertThat(report.path("total").path("csat").path("responses").asLong()).isEqualTo(2);
        assertThat(report.path("total").path("ces").path("responses").asLong()).isEqualTo(1);
    }

    @Test
    void npsPerSegmentChannelAndJourneyStage() {
        JsonNode bySegment = get("/api/reports/nps?" + WEEK + "&by=segment");
        assertRow(group(bySegment, "HIGH"), 10, 5, 3, 2, "30.0");
        assertRow(group(bySegment, "LOW"), 4, 0, 1, 3, "-75.0");
        assertRow(group(bySegment, "MEDIUM"), 6, 4, 2, 0, "66.7");

        JsonNode byChannel = get("/api/reports/nps?" + WEEK + "&by=channel");
        assertThat(groups(byChannel)).containsExactly("CALL_QUEUE", "EMAIL", "SMS");
        assertRow(group(byChannel, "CALL_QUEUE"), 4, 0, 1, 3, "-75.0");

        JsonNode byStage = get("/api/reports/nps?from=2031-02-03T00:00:00Z&to=2031-02-06T00:00:00Z&by=journeyStage");
        assertThat(groups(byStage)).containsExactly("PRE_PURCHASE", "SERVICE", "UNKNOWN");
        assertRow(group(byStage, "UNKNOWN"), 6, 4, 2, 0, "66.7");
    }

    @Test
    void detractorDriversNameTopicsAndRootCausesPerTouchpoint() {
        JsonNode report = get("/api/reports/detractor-drivers?" + WEEK);

        JsonNode callCenter = touchpoint(report, "CALL_CENTER");
        // three NPS detractors and one CES detractor
        assertThat(callCenter.path("detractors").asLong()).isEqualTo(4);
        assertDrivers(callCenter.path("topics"), "WAITING_TIME", 3, "75.0", "STAFF", 1, "25.0");
        assertThat(callCenter.path("casesWithRootCause").asLong()).isEqualTo(3);
        assertDrivers(callCenter.path("rootCauses"), "LONG_QUEUE", 2, "66.7", "UNTRAINED_AGENT", 1, "33.3");

        JsonNode webShop = touchpoint(report, "WEB_SHOP");
        assertThat(webShop.path("detractors").asLong()).isEqualTo(2);
        assertDrivers(webShop.path("topics"), "DELIVERY", 2, "100.0", "PRICE", 1, "50.0");
        assertDrivers(webShop.path("rootCauses"), "LATE_PARCEL", 2, "100.0");

        // no detractor at the store this week: the one of next week does not count
        assertThat(StreamSupport.stream(report.path("touchpoints").spliterator(), false)
                        .map(t -> t.path("touchpoint").asText()))
                .doesNotContain("STORE");

        JsonNode topOne = get("/api/reports/detractor-drivers?" + WEEK + "&top=1");
        assertDrivers(touchpoint(topOne, "CALL_CENTER").path("topics"), "WAITING_TIME", 3, "75.0");
    }

    @Test
    void touchpointPriorityRanksTheCallCenterFirst() {
        JsonNode report = get("/api/reports/touchpoint-priority?" + WEEK);

        assertThat(report.path("method").asText()).contains("impact = (overall NPS - touchpoint NPS)");
        assertThat(report.path("responses").asLong()).isEqualTo(20);
        assertThat(report.path("nps").decimalValue()).isEqualByComparingTo("20.0");
        JsonNode ranking = report.path("touchpoints");
        assertThat(ranking).hasSize(3);
        assertPriority(ranking.get(0), 1, "CALL_CENTER", "19.00", "95.0", "60.0");
        assertPriority(ranking.get(1), 2, "WEB_SHOP", "-5.00", "-10.0", "40.0");
        assertPriority(ranking.get(2), 3, "STORE", "-14.00", "-46.7", "0.0");
    }

    @Test
    void caseKpisPerTeam() {
        JsonNode report = get("/api/reports/case-kpis?" + WEEK);

        assertThat(report.path("by").asText()).isEqualTo("team");
        // care: 4 opened in the week, 3 closed (1 with the loop closed), 2 of 4 SLAs met, contacts after 1h, 3h, 30m
        assertKpis(group(report, careTeam), 1, 4, 3, 4, 2, "50.0", "PT1H", "60.0", 1, "33.3", 1);
        // web: closing without a call before the due time meets the SLA too
        assertKpis(group(report, webTeam), 1, 2, 1, 2, 2, "100.0", "PT2H", "120.0", 1, "100.0", 0);
    }

    @Test
    void caseKpisPerAgent() {
        JsonNode report = get("/api/reports/case-kpis?" + WEEK + "&by=agent");

        assertThat(report.path("by").asText()).isEqualTo("agent");
        // the median of 1h and 3h is 2h
        assertKpis(group(report, anna), 0, 2, 2, 2, 1, "50.0", "PT2H", "120.0", 1, "50.0", 1);
        assertKpis(group(report, ben), 0, 1, 1, 1, 1, "100.0", "PT30M", "30.0", 0, "0.0", 0);
        assertKpis(group(report, carl), 1, 2, 1, 2, 2, "100.0", "PT2H", "120.0", 1, "100.0", 0);
    }

    @Test
    void theOpenCasesOfATeamAreItsBacklogWhateverThePeriod() {
        JsonNode report = get("/api/reports/case-kpis?from=2020-01-01&to=2020-01-31");

        JsonNode care = group(report, careTeam);
        assertThat(care.path("backlog").asLong()).isEqualTo(1);
        assertThat(care.path("opened").asLong()).isZero();
        assertThat(care.hasNonNull("slaCompliance")).isFalse();
        assertThat(care.hasNonNull("medianTimeToFirstContact")).isFalse();
    }

    @Test
    void withoutAPeriodTheLastThirtyDaysUpToNow() {
        JsonNode report = get("/api/reports/nps");

        Instant to = Instant.parse(report.path("to").asText());
        Instant from = Instant.parse(report.path("from").asText());
        assertThat(to).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(from).isEqualTo(to.minus(ReportPeriod.DEFAULT_LENGTH));
        // none of this week's feedback in 2031 lies in the last 30 days
        assertThat(report.path("total").path("responses").asLong()).isLessThan(20);
    }

    @Test
    void badParametersAreRejectedByName() {
        assertBadRequest("/api/reports/nps?from=yesterday", "from");
        assertBadRequest("/api/reports/nps?to=2031-02-30", "to");
        assertBadRequest("/api/reports/touchpoint-priority?from=2031-02-05&to=2031-02-03", "from");
        assertBadRequest("/api/reports/nps?by=region", "by");
        assertBadRequest("/api/reports/case-kpis?by=touchpoint", "by");
        assertBadRequest("/api/reports/detractor-drivers?top=0", "top");
        assertBadRequest("/api/reports/detractor-drivers?top=many", "top");
    }

    @Test
    void analystsMayReadReportsAgentsMayNot() {
        assertThat(anonymous
                        .withBasicAuth(analyst, PASSWORD)
                        .getForEntity("/api/reports/touchpoint-priority?" + WEEK, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        for (String report : List.of("nps", "detractor-drivers", "touchpoint-priority", "case-kpis")) {
            ResponseEntity<JsonNode> response =
                    anonymous.withBasicAuth(agent, PASSWORD).getForEntity("/api/reports/" + report, JsonNode.class);
            assertThat(response.getStatusCode()).as(report).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(anonymous.getForEntity("/api/reports/nps", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private String customer(String valueSegment) {
        String customerId = "rpt-" + run + "-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = new HashMap<>(customerWithoutConsent(customerId + "@example.com"));
        if (valueSegment != null) {
            body.put("valueSegment", valueSegment);
        }
        admin().put("/api/customers/" + customerId, body);
        assertThat(admin().getForEntity("/api/customers/" + customerId, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        return customerId;
    }

    private String feedback(
            String customerId,
            String touchpoint,
            String channel,
            String journeyStage,
            ScoreType scoreType,
            int score,
            String topics,
            String occurredAt) {
        String feedbackId = "rpt-" + run + "-" + ++feedbackCount;
        OffsetDateTime occurred = OffsetDateTime.parse(occurredAt + ":00Z");
        jdbc.sql(
                        """
                insert into feedback (feedback_id, customer_id, touchpoint, channel, journey_stage, score_type, score,
                    occurred_at, received_at, nps_class, topics)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        feedbackId,
                        customerId,
                        touchpoint,
                        channel,
                        journeyStage,
                        scoreType.name(),
                        score,
                        occurred,
                        occurred,
                        NpsClass.of(scoreType, score).name(),
                        topics)
                .update();
        return feedbackId;
    }

    private String caseOf(
            String feedbackId,
            String team,
            String assignee,
            String status,
            String openedAt,
            String slaDueAt,
            String firstContactAt,
            String closedAt,
            boolean breached,
            String resolution,
            String rootCause) {
        String caseId = UUID.randomUUID().toString();
        jdbc.sql(
                        """
                insert into feedback_case (case_id, customer_id, feedback_id, team, work_group, assignee, status,
                    severity, sla_due_at, breached, reopened, root_cause, opened_at, first_contact_at, closed_at,
                    updated_at, resolution)
                select ?, customer_id, feedback_id, ?, ?, ?, ?, 'HIGH', ?, ?, ?, ?, ?, ?, ?, ?, ?
                from feedback where feedback_id = ?""")
                .params(
                        caseId,
                        team,
                        team,
                        assignee,
                        status,
                        at(slaDueAt),
                        breached,
                        "NOT_IMPROVED".equals(resolution),
                        rootCause,
                        at(openedAt),
                        at(firstContactAt),
                        at(closedAt),
                        at(openedAt),
                        resolution,
                        feedbackId)
                .update();
        return caseId;
    }

    private static OffsetDateTime at(String monthDayTime) {
        return monthDayTime == null
                ? null
                : OffsetDateTime.of(2031, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                        .withMonth(Integer.parseInt(monthDayTime.substring(0, 2)))
                        .withDayOfMonth(Integer.parseInt(monthDayTime.substring(3, 5)))
                        .withHour(Integer.parseInt(monthDayTime.substring(6, 8)))
                        .withMinute(Integer.parseInt(monthDayTime.substring(9, 11)));
    }

    private void userInGroup(String userId, Role role) {
        TestUsers.ensure(identities, userId, PASSWORD, role.name());
    }

    private JsonNode get(String path) {
        ResponseEntity<JsonNode> response = admin().getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode())
                .as(path + ": " + response.getBody())
                .isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void assertBadRequest(String path, String field) {
        ResponseEntity<JsonNode> response = admin().getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("errors").findValuesAsText("field"))
                .as(path)
                .containsExactly(field);
    }

    private static List<String> groups(JsonNode report) {
        List<String> groups = new ArrayList<>();
        report.path("groups").forEach(g -> groups.add(g.path("group").asText()));
        return groups;
    }

    private static JsonNode group(JsonNode report, String name) {
        for (JsonNode g : report.path("groups")) {
            if (g.path("group").asText().equals(name)) {
                return g;
            }
        }
        throw new AssertionError("no group " + name + " in " + report);
    }

    private static JsonNode touchpoint(JsonNode report, String name) {
        for (JsonNode t : report.path("touchpoints")) {
            if (t.path("touchpoint").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no touchpoint " + name + " in " + report);
    }

    private static void assertRow(
            JsonNode row, long responses, long promoters, long passives, long detractors, String nps) {
        assertThat(row.path("responses").asLong()).as("responses of %s", row).isEqualTo(responses);
        assertThat(row.path("promoters").asLong()).as("promoters of %s", row).isEqualTo(promoters);
        assertThat(row.path("passives").asLong()).as("passives of %s", row).isEqualTo(passives);
        assertThat(row.path("detractors").asLong()).as("detractors of %s", row).isEqualTo(detractors);
        assertThat(row.path("nps").decimalValue()).as("nps of %s", row).isEqualByComparingTo(nps);
    }

    private static void assertDrivers(JsonNode drivers, Object... codeCountShare) {
        assertThat(drivers).hasSize(codeCountShare.length / 3);
        for (int i = 0; i < codeCountShare.length / 3; i++) {
            JsonNode driver = drivers.get(i);
            assertThat(driver.path("code").asText()).isEqualTo(codeCountShare[3 * i]);
            assertThat(driver.path("count").asLong()).isEqualTo(((Integer) codeCountShare[3 * i + 1]).longValue());
            assertThat(driver.path("share").decimalValue()).isEqualByComparingTo((String) codeCountShare[3 * i + 2]);
        }
    }

    private static void assertPriority(
            JsonNode row, int rank, String touchpoint, String impact, String npsGap, String detractorShare) {
        assertThat(row.path("rank").asInt()).isEqualTo(rank);
        assertThat(row.path("touchpoint").asText()).isEqualTo(touchpoint);
        assertThat(row.path("impact").decimalValue())
                .as("impact of %s", touchpoint)
                .isEqualByComparingTo(impact);
        assertThat(row.path("npsGap").decimalValue())
                .as("gap of %s", touchpoint)
                .isEqualByComparingTo(npsGap);
        assertThat(row.path("detractorShare").decimalValue()).isEqualByComparingTo(detractorShare);
    }

    private static void assertKpis(
            JsonNode row,
            long backlog,
            long opened,
            long closed,
            long slaDue,
            long slaMet,
            String slaCompliance,
            String median,
            String medianMinutes,
            long loopClosed,
            String loopClosureRate,
            long reopened) {
        assertThat(row.path("backlog").asLong()).as("backlog of %s", row).isEqualTo(backlog);
        assertThat(row.path("opened").asLong()).as("opened of %s", row).isEqualTo(opened);
        assertThat(row.path("closed").asLong()).as("closed of %s", row).isEqualTo(closed);
        assertThat(row.path("slaDue").asLong()).as("slaDue of %s", row).isEqualTo(slaDue);
        assertThat(row.path("slaMet").asLong()).as("slaMet of %s", row).isEqualTo(slaMet);
        assertThat(row.path("slaCompliance").decimalValue())
                .as("sla of %s", row)
                .isEqualByComparingTo(slaCompliance);
        assertThat(row.path("medianTimeToFirstContact").asText())
                .as("median of %s", row)
                .isEqualTo(median);
        assertThat(row.path("medianMinutesToFirstContact").decimalValue()).isEqualByComparingTo(medianMinutes);
        assertThat(row.path("loopClosed").asLong()).as("loopClosed of %s", row).isEqualTo(loopClosed);
        assertThat(row.path("loopClosureRate").decimalValue()).isEqualByComparingTo(loopClosureRate);
        assertThat(row.path("reopened").asLong()).as("reopened of %s", row).isEqualTo(reopened);
    }
}
