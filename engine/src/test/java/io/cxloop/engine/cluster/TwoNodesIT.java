package io.cxloop.engine.cluster;

import static io.cxloop.engine.support.Fixtures.cartAbandoned;
import static io.cxloop.engine.support.Fixtures.cartAbandonedTrigger;
import static io.cxloop.engine.support.Fixtures.germanCustomerWithEmailConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cxloop.engine.cluster.EngineNode.Response;
import io.cxloop.engine.support.PostgresSchema;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two engine nodes share one PostgreSQL, as in production: both take journey events over REST, both job executors run
 * the campaigns' timers and steps, both outbox dispatchers send e-mail to one SMTP server. A few hundred campaigns
 * later every campaign has ended exactly once and every customer got exactly one e-mail.
 *
 * <p>Needs PostgreSQL, so it runs only with {@code -Ppostgres}. It is not an {@code EngineIT}: it starts its own two
 * application contexts (on a schema of its own) and leaves the shared test context alone.
 */
@Tag("postgres")
class TwoNodesIT {

    private static final int CUSTOMERS = 300;
    private static final String BUILT_IN_NBA = "next-best-action@builtin-1";
    /** Every n-th customer's event also reaches the other node: the same event again, and a second abandoned cart. */
    private static final int ALSO_THROUGH_THE_OTHER_NODE = 5;

    private static GreenMail smtp;
    private static PostgresSchema schema;
    private static final List<EngineNode> nodes = new ArrayList<>();

    @BeforeAll
    static void startTwoNodesOnOneDatabase() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        schema = PostgresSchema.create();
        // the first node creates the schema alone (as the README asks for production), then the second joins
        nodes.add(EngineNode.start("node-a", schema, smtp.getSmtp().getPort()));
        nodes.add(EngineNode.start("node-b", schema, smtp.getSmtp().getPort()));
    }

    @AfterAll
    static void stop() {
        try {
            EngineNode.closeAll(nodes);
        } finally {
            if (schema != null) {
                schema.close();
            }
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @Test
    void everyCampaignEndsOnceAndEveryCustomerGetsExactlyOneMessage() throws Exception {
        EngineNode a = nodes.get(0);
        EngineNode b = nodes.get(1);
        // the marketer shortens the campaign: contact after 2 s, the offer expires 3 s later
        Map<String, Object> trigger = cartAbandonedTrigger("cart-abandoned", 15);
        trigger.put("delay", "PT2S");
        trigger.put("offer", Map.of("percent", 15, "validity", "PT3S", "freeExpressShipping", true));
        trigger.put("channels", List.of("EMAIL"));
        assertThat(a.put("/api/triggers/cart-abandoned", trigger).status()).isEqualTo(200);

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> customers = IntStream.range(0, CUSTOMERS)
                .mapToObj(i -> "cluster-" + run + "-" + i)
                .toList();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> creations = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                EngineNode node = nodes.get(i % 2);
                String customerId = customers.get(i);
                creations.add(() ->
                        node.put("/api/customers/" + customerId, germanCustomerWithEmailConsent(email(customerId))));
            }
            assertThat(all(clients, creations))
                    .allSatisfy(response ->
                            assertThat(response.status()).as(response.body()).isEqualTo(201));

            List<Callable<Response>> events = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                EngineNode node = nodes.get(i % 2);
                EngineNode other = nodes.get((i + 1) % 2);
                Map<String, Object> event = cartAbandoned(customers.get(i));
                events.add(() -> node.post("/api/events", event));
                if (i % ALSO_THROUGH_THE_OTHER_NODE == 0) {
                    Map<String, Object> again = cartAbandoned(customers.get(i));
                    events.add(() -> other.post("/api/events", event));
                    events.add(() -> other.post("/api/events", again));
                }
            }
            List<Response> receipts = all(clients, events);
            assertThat(receipts)
                    .allSatisfy(response ->
                            assertThat(response.status()).as(response.body()).isEqualTo(202));
            Map<String, Long> started = receipts.stream()
                    .collect(Collectors.groupingBy(
                            response -> response.json().path("status").asText() + "/"
                                    + response.json().path("campaignsStarted").size(),
                            TreeMap::new,
                            Collectors.counting()));
            int extra = CUSTOMERS / ALSO_THROUGH_THE_OTHER_NODE;
            // one campaign per customer; the repeated event is a duplicate; the second cart falls into re-entry
            assertThat(started)
                    .isEqualTo(Map.of(
                            "ACCEPTED/1", (long) CUSTOMERS, "ACCEPTED/0", (long) extra, "DUPLICATE/0", (long) extra));
        } finally {
            clients.shutdownNow();
        }

        JdbcClient jdbc = a.bean(JdbcClient.class);
        await("every campaign ended")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> count(
                                jdbc,
                                "select count(*) from campaign where customer_id like ? and outcome is not null",
                                "cluster-" + run + "-%")
                        == CUSTOMERS);
        assertThat(smtp.waitForIncomingEmail(Duration.ofMinutes(1).toMillis(), CUSTOMERS))
                .isTrue();

        // every campaign ended once, as expired (nobody bought), through exactly one offer step and one end event
        assertThat(jdbc.sql("select outcome, count(*) from campaign where customer_id like ? group by outcome")
                        .param("cluster-" + run + "-%")
                        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                        .list())
                .containsExactly(Map.entry("EXPIRED", (long) CUSTOMERS));
        assertThat(count(
                        jdbc,
                        "select count(distinct customer_id) from campaign where customer_id like ?",
                        "cluster-" + run + "-%"))
                .isEqualTo(CUSTOMERS);
        assertThat(count(
                        jdbc,
                        "select count(*) from act_hi_procinst where proc_def_key_ = 'journey-reconnect'"
                                + " and state_ = 'COMPLETED' and end_time_ is not null"))
                .isEqualTo(CUSTOMERS);
        assertThat(activityCounts(jdbc, "Task_IssueOfferAndQueueMessage"))
                .hasSize(CUSTOMERS)
                .allSatisfy(executions -> assertThat(executions).isEqualTo(1));
        assertThat(activityCounts(jdbc, "EndEvent_Expired"))
                .hasSize(CUSTOMERS)
                .allSatisfy(executions -> assertThat(executions).isEqualTo(1));
        assertThat(count(jdbc, "select count(*) from act_ru_job")).isZero();

        // one outbox message per customer, sent once (the last SENT mark may commit just after its e-mail arrived)
        await("every message marked sent after one attempt")
                .atMost(Duration.ofMinutes(1))
                .until(() -> count(
                                jdbc,
                                "select count(*) from outbox_message where customer_id like ? and status = 'SENT'"
                                        + " and attempts = 1",
                                "cluster-" + run + "-%")
                        == CUSTOMERS);
        assertThat(count(jdbc, "select count(*) from outbox_message where customer_id like ?", "cluster-" + run + "-%"))
                .isEqualTo(CUSTOMERS);

        // every customer received exactly one e-mail
        MimeMessage[] received = smtp.getReceivedMessages();
        Map<String, Long> perRecipient = new TreeMap<>();
        for (MimeMessage message : received) {
            for (Address recipient : message.getAllRecipients()) {
                perRecipient.merge(((InternetAddress) recipient).getAddress(), 1L, Long::sum);
            }
        }
        assertThat(perRecipient.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        customers.stream().map(TwoNodesIT::email).toList());
        assertThat(perRecipient.values()).allSatisfy(count -> assertThat(count).isEqualTo(1L));

        // both nodes did the work: their job executors wrote messages, their dispatchers sent them
        assertThat(a.messages("queued") + b.messages("queued")).isEqualTo(CUSTOMERS);
        assertThat(a.messages("sent") + b.messages("sent")).isEqualTo(CUSTOMERS);
        assertThat(List.of(a.messages("queued"), b.messages("queued"), a.messages("sent"), b.messages("sent")))
                .allSatisfy(count -> assertThat(count).isPositive());
    }

    /**
     * An analyst activates a rule-set version on one node; the other node decides with it after its next poll, without
     * a restart. A rollback on the other node travels back the same way.
     */
    @Test
    void anActivationAndARollbackOnOneNodeReachTheOtherNode() {
        EngineNode a = nodes.get(0);
        EngineNode b = nodes.get(1);
        String customerId = "cluster-rules-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(a.put("/api/customers/" + customerId, germanCustomerWithEmailConsent(email(customerId)))
                        .status())
                .isEqualTo(201);
        assertThat(decisionOn(b, customerId).path("ruleSetVersion").asText()).isEqualTo(BUILT_IN_NBA);

        String builtIn = a.get("/api/rulesets/next-best-action/versions/builtin")
                .json()
                .path("drl")
                .asText();
        assertThat(builtIn).contains(" chosen: it is the first channel");
        Response uploaded = a.post(
                "/api/rulesets/next-best-action/versions",
                Map.of(
                        "drl",
                        builtIn.replace(
                                " chosen: it is the first channel", " chosen on node a: it is the first channel"),
                        "comment",
                        "two nodes"));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String label = uploaded.json().path("label").asText();
        int version = uploaded.json().path("version").asInt();

        Response activated = a.post("/api/rulesets/next-best-action/versions/" + version + "/activate", null);
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(decisionOn(a, customerId).path("ruleSetVersion").asText())
                .as("at once on the node that activated")
                .isEqualTo(label);
        await("node b decides with " + label)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonNode decision = decisionOn(b, customerId);
                    assertThat(decision.path("ruleSetVersion").asText()).isEqualTo(label);
                    assertThat(decision.path("explanation").toString()).contains("chosen on node a");
                });
        assertThat(b.get("/api/rulesets/next-best-action").json().path("label").asText())
                .isEqualTo(label);

        Response rolledBack = b.post("/api/rulesets/next-best-action/rollback", null);
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
        assertThat(decisionOn(b, customerId).path("ruleSetVersion").asText()).isEqualTo(BUILT_IN_NBA);
        await("node a is back on the built-in version")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(
                                decisionOn(a, customerId).path("ruleSetVersion").asText())
                        .isEqualTo(BUILT_IN_NBA));
    }

    private static JsonNode decisionOn(EngineNode node, String customerId) {
        Response response = node.post(
                "/api/decisions/next-best-action",
                Map.of("customerId", customerId, "context", Map.of("trigger", "cart-abandoned")));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String email(String customerId) {
        return customerId + "@example.com";
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> calls) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : pool.invokeAll(calls)) {
            results.add(future.get());
        }
        return results;
    }

    private static long count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** How often each journey-reconnect instance passed the activity (history: committed executions only). */
    private static List<Long> activityCounts(JdbcClient jdbc, String activityId) {
        return jdbc.sql("select count(*) from act_hi_actinst where proc_def_key_ = 'journey-reconnect'"
                        + " and act_id_ = ? group by proc_inst_id_")
                .param(activityId)
                .query(Long.class)
                .list();
    }
}
