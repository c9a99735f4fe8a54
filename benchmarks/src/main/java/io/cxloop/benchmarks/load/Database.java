package io.cxloop.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The database of one load run, empty at the start: an H2 file (PostgreSQL mode, as the engine runs by default) in
 * {@code target/load}, or a schema of its own on a PostgreSQL server that is dropped afterwards.
 */
sealed interface Database extends AutoCloseable {

    String name();

    /** The engine settings that point it at this database. */
    Map<String, Object> engineSettings();

    /**
     * Starts the harness's stand-in for PostgreSQL's autovacuum on this database if the server has autovacuum off;
     * null if there is nothing to stand in for.
     */
    default StandInAutovacuum standInForAutovacuum() {
        return null;
    }

    @Override
    void close();

    static Database create(LoadSettings settings, Path workDirectory) {
        return create(settings, workDirectory, "");
    }

    /** @param suffix tells several databases of one run apart */
    static Database create(LoadSettings settings, Path workDirectory, String suffix) {
        // the second alone is not enough: two runs started together (before and after, side by side) would share it
        String run = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                + ProcessHandle.current().pid() + suffix;
        return settings.db().equals("postgres")
                ? PostgresSchema.create(settings, "cxloop_load_" + run)
                : H2File.create(workDirectory.resolve("h2-" + run));
    }

    /** An H2 database in a file, as the engine's default configuration has it. */
    record H2File(Path directory) implements Database {

        static H2File create(Path directory) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create " + directory, e);
            }
            return new H2File(directory);
        }

        @Override
        public String name() {
            return "H2 (file, PostgreSQL mode) in " + directory;
        }

        @Override
        public Map<String, Object> engineSettings() {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put(
                    "spring.datasource.url",
                    "jdbc:h2:file:" + directory.toAbsolutePath().resolve("cxloop")
                            + ";MODE=PostgreSQL;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256"
                            + ";INIT=CREATE DOMAIN IF NOT EXISTS BLOB AS BINARY LARGE OBJECT");
            return settings;
        }

        @Override
        public void close() {
            // the file stays in target/load for a look afterwards; ./mvnw clean removes it
        }
    }

    /** A schema of its own on PostgreSQL, used through the engine's production profile {@code postgres}. */
    record PostgresSchema(String serverUrl, String user, String password, String schema) implements Database {

        static PostgresSchema create(LoadSettings settings, String schema) {
            PostgresSchema database =
                    new PostgresSchema(settings.pgUrl(), settings.pgUser(), settings.pgPassword(), schema);
            database.execute("create schema " + schema);
            return database;
        }

        @Override
        public String name() {
            return "PostgreSQL " + serverUrl + ", schema " + schema;
        }

        @Override
        public Map<String, Object> engineSettings() {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("spring.profiles.active", "postgres");
            settings.put(
                    "spring.datasource.url",
                    serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            settings.put("spring.datasource.username", user);
            settings.put("spring.datasource.password", password);
            // Camunda looks for its tables in every schema unless told which (see README, "Running in production")
            settings.put("camunda.bpm.database.schema-name", schema);
            settings.put("camunda.bpm.database.table-prefix", schema + ".");
            return settings;
        }

        @Override
        public StandInAutovacuum standInForAutovacuum() {
            return StandInAutovacuum.startIfOff(this::connect, schema);
        }

        @Override
        public void close() {
            execute("drop schema if exists " + schema + " cascade");
        }

        private void execute(String sql) {
            try (Connection connection = connect();
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "PostgreSQL at " + serverUrl + " as " + user + ": " + sql + " failed: " + e.getMessage(), e);
            }
        }

        private Connection connect() {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            properties.setProperty("connectTimeout", "5");
            try {
                return DriverManager.getConnection(serverUrl, properties);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "cannot connect to PostgreSQL at " + serverUrl + " as " + user + ": " + e.getMessage(), e);
            }
        }
    }
}
