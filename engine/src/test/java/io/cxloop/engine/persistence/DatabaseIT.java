package io.cxloop.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.TestDatabase;
import java.sql.Connection;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The suite runs on the database it was asked for, with the app's and Camunda's tables in place. */
class DatabaseIT extends EngineIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Flyway flyway;

    @Test
    void theSuiteRunsOnTheSelectedDatabase() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (TestDatabase.isPostgres()) {
                assertThat(product).isEqualTo("PostgreSQL");
                assertThat(connection.getSchema()).startsWith("cxloop_it_");
            } else {
                assertThat(product).isEqualTo("H2");
            }
        }
    }

    @Test
    void flywayMigratedTheAppTables() {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).isNotEmpty().allSatisfy(migration -> assertThat(migration.getState())
                .isEqualTo(MigrationState.SUCCESS));
        assertThat(applied)
                .extracting(migration -> migration.getVersion().getVersion())
                .contains("1");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(jdbc.sql("select count(*) from outbox_message")
                        .query(Integer.class)
                        .single())
                .isNotNegative();
    }

    @Test
    void camundasTablesAreInTheSameSchemaAsTheAppTables() {
        for (String table :
                new String[] {"act_ru_job", "act_hi_procinst", "act_id_user", "campaign", "outbox_message"}) {
            assertThat(jdbc.sql(
                                    """
                            select count(*) from information_schema.tables
                            where lower(table_schema) = lower(current_schema) and lower(table_name) = ?""")
                            .param(table)
                            .query(Integer.class)
                            .single())
                    .as(table)
                    .isEqualTo(1);
        }
    }
}
