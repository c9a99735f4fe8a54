package io.cxloop.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The harness's stand-in for autovacuum on a real PostgreSQL ({@code -Ppostgres}; it fails when PostgreSQL is not
 * reachable): it analyses and vacuums a table of the run's schema that crossed autovacuum's thresholds, and leaves a
 * table alone that did not. In a schema of its own, dropped afterwards.
 */
class StandInAutovacuumPostgresIT {

    private final String url = System.getProperty("load.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private final String schema =
            "cxloop_standin_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void analysesAndVacuumsWhatCrossedAutovacuumsThresholdsAndNothingElse() throws SQLException {
        execute(
                "create schema " + schema,
                "create table " + schema + ".churning (id int primary key, value text)",
                "create table " + schema + ".quiet (id int primary key)",
                // inserted rows past the insert threshold (1,000 by default), changed rows past the analyse threshold
                "insert into " + schema + ".churning select i, 'row ' || i from generate_series(1, 3000) i",
                "insert into " + schema + ".quiet select i from generate_series(1, 10) i");

        awaitStatisticsOfTheInserts();

        StandInAutovacuum standIn = StandInAutovacuum.withServerSettings(this::connect, schema);
        standIn.round();

        assertThat(counts("churning")).containsExactly(1L, 1L);
        assertThat(counts("quiet")).containsExactly(0L, 0L);
        assertThat(standIn.summary()).contains("1 analyses, 1 vacuums").doesNotContain("failed");

        standIn.round();
        assertThat(counts("churning")).as("nothing changed since").containsExactly(1L, 1L);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("drop schema if exists " + schema + " cascade");
    }

    /** A session's table statistics reach the shared statistics when it goes idle or ends, shortly after. */
    private void awaitStatisticsOfTheInserts() {
        await("the inserts in pg_stat_user_tables")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    try (Connection connection = connect();
                            PreparedStatement statement =
                                    connection.prepareStatement("select n_ins_since_vacuum from pg_stat_user_tables"
                                            + " where schemaname = ? and relname = ?")) {
                        statement.setString(1, schema);
                        statement.setString(2, "churning");
                        try (ResultSet row = statement.executeQuery()) {
                            return row.next() && row.getLong(1) >= 3000;
                        }
                    }
                });
    }

    /** The table's manual analyses and vacuums (autovacuum's own, if the server runs it, are counted apart). */
    private long[] counts(String table) throws SQLException {
        // a connection of its own: the statistics a session sees are a snapshot taken at its first look
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(
                        "select analyze_count, vacuum_count from pg_stat_user_tables where schemaname = ? and relname = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as(table + " in pg_stat_user_tables").isTrue();
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        }
    }

    private void execute(String... sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private Connection connect() {
        Properties properties = new Properties();
        properties.setProperty("user", System.getProperty("load.pg.user", "postgres"));
        properties.setProperty("password", System.getProperty("load.pg.password", ""));
        properties.setProperty("connectTimeout", "5");
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " is not reachable: " + e.getMessage(), e);
        }
    }
}
