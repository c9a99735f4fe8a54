package io.cxloop.benchmarks.load;

import io.cxloop.engine.CxloopApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The real engine, booted in this JVM as {@code java -jar} would boot it (the same application class and
 * configuration files), on the run's database, with its job executor and outbox dispatcher on, e-mail going to the
 * SMTP sink, on a random port. Only what must differ for a benchmark is set here; {@code load.engine} adds more.
 */
final class EngineUnderTest implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-load-test-password";

    private final ConfigurableApplicationContext context;
    private final Duration startup;
    private final URI base;
    private final String authorization;

    private EngineUnderTest(ConfigurableApplicationContext context, Duration startup) {
        this.context = context;
        this.startup = startup;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.base = URI.create("http://127.0.0.1:" + port);
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static EngineUnderTest start(Database database, int smtpPort, Path workDirectory, List<String> extraArguments) {
        AtomicLong readyAt = new AtomicLong();
        long begin = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CxloopApplication.class)
                .registerShutdownHook(false)
                .initializers(starting -> starting.getBeanFactory().addBeanPostProcessor(SqlCounter.INSTANCE))
                .listeners((ApplicationListener<ApplicationReadyEvent>) ready -> readyAt.set(System.nanoTime()))
                .run(arguments(database, smtpPort, workDirectory, extraArguments)
                        .toArray(String[]::new));
        return new EngineUnderTest(context, Duration.ofNanos(readyAt.get() - begin));
    }

    /** The command-line arguments the engine under test runs with, here or in a JVM of its own. */
    static List<String> arguments(Database database, int smtpPort, Path workDirectory, List<String> extraArguments) {
        Map<String, Object> settings = new LinkedHashMap<>(database.engineSettings());
        settings.put("server.port", 0);
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", smtpPort);
        settings.put("spring.artemis.embedded.persistent", false);
        settings.put("spring.artemis.embedded.data-directory", workDirectory.resolve("artemis"));
        settings.put("camel.main.jmx-enabled", false);
        settings.put("cxloop.security.admin-password", ADMIN_PASSWORD);
        settings.put("cxloop.email.sandbox-dir", workDirectory.resolve("outbox"));
        settings.put("cxloop.sms.sandbox-dir", workDirectory.resolve("outbox"));
        // per-request log lines would measure the console, not the engine
        settings.put("logging.level.io.cxloop", "WARN");
        List<String> arguments = new ArrayList<>();
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.addAll(extraArguments); // last: they win
        return arguments;
    }

    /** From {@code SpringApplication.run} to {@link ApplicationReadyEvent}, in this (so far cold) JVM. */
    Duration startup() {
        return startup;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** A request to the REST API as the administrator. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    /** The settings that the numbers depend on, as the engine runs with them. */
    Map<String, String> tuning() {
        Map<String, String> tuning = new LinkedHashMap<>();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) bean(ProcessEngine.class).getProcessEngineConfiguration();
        JobExecutor jobExecutor = configuration.getJobExecutor();
        if (jobExecutor instanceof SpringJobExecutor spring
                && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool) {
            tuning.put("job executor core/max pool", pool.getCorePoolSize() + "/" + pool.getMaxPoolSize());
            tuning.put("job executor queue capacity", String.valueOf(pool.getQueueCapacity()));
        }
        tuning.put("max jobs per acquisition", String.valueOf(jobExecutor.getMaxJobsPerAcquisition()));
        tuning.put(
                "acquisition wait time / max wait (ms)",
                jobExecutor.getWaitTimeInMillis() + " / " + jobExecutor.getMaxWait());
        tuning.put("history level", configuration.getHistoryLevel().getName());
        Environment environment = context.getEnvironment();
        tuning.put(
                "Hikari maximum pool size",
                environment.getProperty("spring.datasource.hikari.maximum-pool-size", "10 (default)"));
        tuning.put(
                "outbox poll interval / batch size",
                environment.getProperty("cxloop.outbox.poll-interval", "1000") + " ms / "
                        + environment.getProperty("cxloop.outbox.batch-size", "50"));
        if (environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
            tuning.put(
                    "H2 page cache, max MB",
                    jdbc().queryForObject(
                                    "select setting_value from information_schema.settings"
                                            + " where setting_name = 'info.CACHE_MAX_SIZE'",
                                    String.class));
        }
        return tuning;
    }

    @Override
    public void close() {
        context.close();
    }
}
