package io.cxloop.engine.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL schema of its own for one test run, so that runs on the same database never see each other's tables.
 * The server comes from {@code -Dcxloop.it.db.url}/{@code .user}/{@code .password} or the environment variables
 * {@code CXLOOP_IT_DB_URL}/{@code _USER}/{@code _PASSWORD} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code postgres}, no password). The name carries the creation time, so that schemas of runs that were killed before
 * they could clean up are dropped by a later run.
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static final Logger log = LoggerFactory.getLogger(PostgresSchema.class);
    private static final String PREFIX = "cxloop_it_";
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;

    private PostgresSchema(String serverUrl, String user, String password, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates a new, empty schema; fails loudly when PostgreSQL cannot be reached. */
    public static PostgresSchema create() {
        String url = setting("cxloop.it.db.url", "CXLOOP_IT_DB_URL", DEFAULT_URL);
        String user = setting("cxloop.it.db.user", "CXLOOP_IT_DB_USER", "postgres");
        String password = setting("cxloop.it.db.password", "CXLOOP_IT_DB_PASSWORD", "");
        String name = PREFIX
                + LocalDateTime.now(ZoneOffset.UTC).format(CREATED)
                + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        PostgresSchema schema = new PostgresSchema(url, user, password, name);
        try (Connection connection = schema.connect(url);
                Statement statement = connection.createStatement()) {
            dropAbandoned(statement);
            statement.execute("create schema " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL is not reachable at " + url + " as user " + user + ": " + e.getMessage()
                            + "\nThe PostgreSQL integration tests (-Ppostgres) need a running PostgreSQL: start it"
                            + " (e.g. pg_ctlcluster --skip-systemctl-redirect <version> main start) or point"
                            + " -Dcxloop.it.db.url/.user/.password (or CXLOOP_IT_DB_URL/_USER/_PASSWORD) at one.",
                    e);
        }
        log.info("Test schema {} created on {}", name, url);
        return schema;
    }

    /** The JDBC URL that makes the schema the connection's current one (for the app tables and Camunda's). */
    public String url() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String name() {
        return name;
    }

    /** Drops the schema with everything in it. */
    @Override
    public void close() {
        try (Connection connection = connect(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + name + " cascade");
            log.info("Test schema {} dropped", name);
        } catch (SQLException e) {
            log.warn("Could not drop test schema {} (a later run drops it): {}", name, e.getMessage());
        }
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    private static void dropAbandoned(Statement statement) throws SQLException {
        List<String> abandoned = new ArrayList<>();
        try (ResultSet schemas = statement.executeQuery(
                "select nspname from pg_namespace where nspname like '" + PREFIX.replace("_", "\\_") + "%'")) {
            Instant threshold = Instant.now().minus(ABANDONED_AFTER);
            while (schemas.next()) {
                String schema = schemas.getString(1);
                if (createdAt(schema).isBefore(threshold)) {
                    abandoned.add(schema);
                }
            }
        }
        for (String schema : abandoned) {
            log.info("Dropping abandoned test schema {}", schema);
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }

    private static Instant createdAt(String schema) {
        String rest = schema.substring(PREFIX.length());
        int end = rest.indexOf('_');
        try {
            return LocalDateTime.parse(end < 0 ? rest : rest.substring(0, end), CREATED)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Instant.MAX; // not one of ours: leave it alone
        }
    }

    private static String setting(String property, String environmentVariable, String defaultValue) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }
}
