package io.cxloop.engine.camunda;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Camunda's MyBatis mappings, parsed on a thread of their own while Spring builds the context. Building the process
 * engine parses some 50 mapping files of SQL (XML, XPath) on the main thread: a third of the main thread's start-up
 * (docs/benchmarks.md, session 8), and nothing in it depends on the context but the database type and table prefix,
 * which the configuration names. The process engine configuration ({@link PreparedMappingsProcessEngineConfiguration})
 * takes the parsed mappings when they were parsed for its database type and prefix, and parses them itself otherwise.
 * Registered in {@code META-INF/spring.factories}; one parse per application context, taken by one engine.
 */
public final class CamundaMappings {

    /** The bean under which the mappings being parsed are registered in the context. */
    public static final String BEAN_NAME = "cxloopCamundaMappings";

    private static final Logger log = LoggerFactory.getLogger(CamundaMappings.class);

    private final String databaseType;
    private final String tablePrefix;
    private final CompletableFuture<Configuration> parsed;
    private final AtomicBoolean taken = new AtomicBoolean();

    private CamundaMappings(String databaseType, String tablePrefix, CompletableFuture<Configuration> parsed) {
        this.databaseType = databaseType;
        this.tablePrefix = tablePrefix;
        this.parsed = parsed;
    }

    /** Starts parsing on a daemon thread. */
    static CamundaMappings parseInBackground(String databaseType, String tablePrefix) {
        CompletableFuture<Configuration> parsed = new CompletableFuture<>();
        ClassLoader classLoader = ProcessEngineConfigurationImpl.class.getClassLoader();
        Thread thread = new Thread(
                () -> {
                    try {
                        parsed.complete(parse(databaseType, tablePrefix));
                    } catch (RuntimeException | IOException | Error e) {
                        parsed.completeExceptionally(e);
                    }
                },
                "cxloop-camunda-mappings");
        thread.setContextClassLoader(classLoader);
        thread.setDaemon(true);
        thread.start();
        return new CamundaMappings(databaseType, tablePrefix, parsed);
    }

    /**
     * What {@code ProcessEngineConfigurationImpl.initSqlSessionFactory} parses for a database type and table prefix,
     * without the environment (data source, transactions), which the engine sets when it takes the result.
     */
    static Configuration parse(String databaseType, String tablePrefix) throws IOException {
        Properties properties = new Properties();
        properties.put("prefix", tablePrefix);
        ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
        try (InputStream mappings = ProcessEngineConfigurationImpl.class
                        .getClassLoader()
                        .getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
                Reader reader = new InputStreamReader(Objects.requireNonNull(mappings, "Camunda's mappings.xml"))) {
            return new XMLConfigBuilder(reader, "", properties).parse();
        }
    }

    /**
     * The parsed mappings, once, if they were parsed for this database type and table prefix; otherwise (another
     * type or prefix, taken already, or the parse failed) none, and the engine parses them itself.
     */
    Configuration take(String engineDatabaseType, String engineTablePrefix) {
        if (!databaseType.equals(engineDatabaseType)
                || !tablePrefix.equals(Objects.requireNonNullElse(engineTablePrefix, ""))
                || !taken.compareAndSet(false, true)) {
            return null;
        }
        try {
            long begin = System.nanoTime();
            Configuration configuration = parsed.join();
            log.debug(
                    "Took Camunda's mappings parsed ahead, waited {} ms for them",
                    (System.nanoTime() - begin) / 1_000_000);
            return configuration;
        } catch (RuntimeException e) {
            log.warn("Parsing Camunda's mappings ahead failed; the engine parses them itself", e);
            return null;
        }
    }

    boolean taken() {
        return taken.get();
    }

    /** Starts the parse when an application context is created, if the configuration names the database type. */
    public static final class Starter implements ApplicationListener<ApplicationContextInitializedEvent> {

        @Override
        public void onApplicationEvent(ApplicationContextInitializedEvent event) {
            Binder binder = Binder.get(event.getApplicationContext().getEnvironment());
            String databaseType =
                    binder.bind("camunda.bpm.database.type", String.class).orElse(null);
            if (databaseType == null || databaseType.isBlank()) {
                return; // Camunda finds the type from the data source; it parses then
            }
            String tablePrefix = binder.bind("camunda.bpm.database.table-prefix", String.class)
                    .orElse("");
            event.getApplicationContext()
                    .getBeanFactory()
                    .registerSingleton(BEAN_NAME, parseInBackground(databaseType, tablePrefix));
        }
    }
}
