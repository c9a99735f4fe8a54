package io.cxloop.engine.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.CxloopApplication;
import io.cxloop.engine.support.PostgresSchema;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One engine node of a cluster test: the whole application in a Spring context of its own, with the production profile
 * {@code postgres} on a shared test schema, its job executor and outbox dispatcher on, on a random port. What would
 * clash between two nodes in one JVM gets a per-node name: the Camunda process engine, the Camel context, the embedded
 * broker's directory (Spring Boot gives every embedded Artemis its own server id).
 */
final class EngineNode implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-cluster-test-password";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final ConfigurableApplicationContext context;
    private final HttpClient http;
    private final URI base;

    private EngineNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    static EngineNode start(String name, PostgresSchema schema, int smtpPort) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.profiles.active", "postgres");
        settings.put("server.port", 0);
        settings.put("spring.datasource.url", schema.url());
        settings.put("spring.datasource.username", schema.user());
        settings.put("spring.datasource.password", schema.password());
        // Camunda looks for its tables in every schema unless told which (see README, "Running in production")
        settings.put("camunda.bpm.database.schema-name", schema.name());
        settings.put("camunda.bpm.database.table-prefix", schema.name() + ".");
        // two nodes and the shared test context stay well below PostgreSQL's 100 connections
        settings.put("spring.datasource.hikari.maximum-pool-size", 10);
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", smtpPort);
        settings.put("spring.artemis.embedded.persistent", false);
        settings.put("spring.artemis.embedded.data-directory", "target/cluster/" + name + "/artemis");
        // Camunda allows no hyphen in an engine name
        settings.put("camunda.bpm.process-engine-name", name.replace("-", ""));
        settings.put("camunda.bpm.job-execution.enabled", true);
        // short waits: the campaigns' timers are due after seconds, not hours
        settings.put("camunda.bpm.job-execution.wait-time-in-millis", 200);
        settings.put("camunda.bpm.job-execution.max-wait", 1000);
        settings.put("camel.main.name", "cxloop-" + name);
        settings.put("camel.main.jmx-enabled", false);
        settings.put("cxloop.security.admin-password", ADMIN_PASSWORD);
        settings.put("cxloop.email.sandbox-dir", "target/cluster/" + name + "/outbox");
        settings.put("cxloop.sms.sandbox-dir", "target/cluster/" + name + "/outbox");
        settings.put("cxloop.outbox.poll-interval", 200);
        // command-line arguments: they win over application-postgres.yml
        String[] arguments = settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CxloopApplication.class)
                .registerShutdownHook(false)
                .run(arguments);
        return new EngineNode(name, context);
    }

    String name() {
        return name;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A counter of this node's {@code cxloop.messages.*} metrics, summed over channels. */
    double messages(String what) {
        return context.getBean(MeterRegistry.class).find("cxloop.messages." + what).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    Response post(String path, Object body) {
        return send("POST", path, body);
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    private Response send(String method, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", basic())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " on " + name + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " on " + name + " interrupted", e);
        }
    }

    private static String basic() {
        return "Basic "
                + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        context.close();
    }

    /** An HTTP response with its JSON body. */
    record Response(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    /** Closes nodes in reverse order of start, the last one (which started alone on the empty schema) last. */
    static void closeAll(List<EngineNode> nodes) {
        List<EngineNode> reversed = new ArrayList<>(nodes);
        Collections.reverse(reversed);
        for (EngineNode node : reversed) {
            node.close();
        }
    }
}
