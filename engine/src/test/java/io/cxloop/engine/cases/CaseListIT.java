package io.cxloop.engine.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.cases.CaseViews.CaseSummary;
import io.cxloop.engine.feedback.FeedbackRepository;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.security.Role;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.Fixtures;
import io.cxloop.engine.support.ProcessDriver;
import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.feedback.Topic;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The case list reads the feedback of all its cases in one query, whatever the number of cases. */
class CaseListIT extends EngineIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    CaseRepository cases;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identities;

    @Autowired
    ManagementService management;

    @Test
    void theCaseListReadsTheFeedbackOfAllItsCasesInOneQuery() {
        String team = "list-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String customerId = "listed-" + i + "-" + UUID.randomUUID();
            customers.add(customerId);
            openCaseFor(customerId, team);
        }
        AtomicInteger feedbackQueries = new AtomicInteger();
        CaseWorkService service = new CaseWorkService(
                cases,
                new FeedbackRepository(JdbcClient.create(countingFeedbackQueries(dataSource, feedbackQueries))),
                outbox,
                tasks,
                identities);
        var admin = new UsernamePasswordAuthenticationToken(
                "admin", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority())));

        List<CaseSummary> listed = service.list(admin, team, null, CaseStatus.OPEN, null);

        assertThat(listed).hasSize(3);
        assertThat(listed)
                .extracting(s -> s.feedbackCase().customerId())
                .containsExactlyInAnyOrderElementsOf(customers);
        assertThat(listed).allSatisfy(summary -> {
            assertThat(summary.analysis()).isNotNull();
            assertThat(summary.analysis().npsClass()).isEqualTo(NpsClass.DETRACTOR);
            assertThat(summary.analysis().topics()).contains(Topic.DELIVERY);
        });
        assertThat(feedbackQueries)
                .as("queries of the feedback table for 3 cases")
                .hasValue(1);

        // the REST list shows the same, and nothing is read for an empty list
        JsonNode viaRest =
                admin().getForEntity("/api/cases?team=" + team, JsonNode.class).getBody();
        assertThat(viaRest).hasSize(3);
        viaRest.forEach(
                c -> assertThat(c.path("analysis").path("npsClass").asText()).isEqualTo("DETRACTOR"));
        feedbackQueries.set(0);
        assertThat(service.list(admin, "no-such-team", null, null, null)).isEmpty();
        assertThat(feedbackQueries).hasValue(0);
    }

    /** A detractor of a team of its own; the triage's team is overridden by reassigning the case's rows. */
    private void openCaseFor(String customerId, String team) {
        Map<String, Object> customer = Fixtures.englishCustomerWithEmailConsent(customerId + "@example.org");
        assertThat(admin().exchange(
                                "/api/customers/" + customerId,
                                HttpMethod.PUT,
                                new HttpEntity<>(customer),
                                JsonNode.class)
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();
        Map<String, Object> feedback = new HashMap<>();
        feedback.put("feedbackId", "fb-" + UUID.randomUUID());
        feedback.put("customerId", customerId);
        feedback.put("touchpoint", "DELIVERY");
        feedback.put("scoreType", "NPS");
        feedback.put("score", 1);
        feedback.put("comment", "The parcel came a week late and nobody told me.");
        feedback.put("occurredAt", Instant.now().toString());
        var posted = admin().postForEntity("/api/feedback", feedback, JsonNode.class);
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        new ProcessDriver(management)
                .runAsyncJobs(posted.getBody().path("processInstanceId").asText());
        // a team of this test's own, so that other tests' cases stay out of its list
        JdbcClient.create(dataSource)
                .sql("update feedback_case set team = ? where customer_id = ?")
                .params(team, customerId)
                .update();
    }

    /** The database, counting the statements that read the feedback table. */
    private static DataSource countingFeedbackQueries(DataSource dataSource, AtomicInteger count) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(
                        CaseListIT.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare")
                                    && args[0] instanceof String sql
                                    && sql.contains("from feedback ")) {
                                count.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
