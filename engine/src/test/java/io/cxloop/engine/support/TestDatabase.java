package io.cxloop.engine.support;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of the shared integration-test context: an in-memory H2 by default, PostgreSQL when the system property
 * {@value #SELECTOR} is {@code postgres} (the Maven profile {@code -Ppostgres} sets it). On PostgreSQL the context runs
 * with the production profile {@code postgres}, then {@code it} and {@code it-postgres}, on a schema of its own that
 * is dropped when the context closes.
 */
public final class TestDatabase {

    public static final String SELECTOR = "cxloop.it.database";

    private static PostgresSchema schema;

    private TestDatabase() {}

    public static boolean isPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty(SELECTOR, "h2").trim());
    }

    /** Points the data source at the test database; on PostgreSQL this is where an unreachable server fails. */
    static void register(DynamicPropertyRegistry registry) {
        if (isPostgres()) {
            PostgresSchema schema = schema();
            registry.add("spring.datasource.url", schema::url);
            registry.add("spring.datasource.username", schema::user);
            registry.add("spring.datasource.password", schema::password);
            // Camunda looks for its tables in every schema unless told which: another run's would fool it
            registry.add("camunda.bpm.database.schema-name", schema::name);
            registry.add("camunda.bpm.database.table-prefix", () -> schema.name() + ".");
        }
    }

    private static synchronized PostgresSchema schema() {
        if (schema == null) {
            schema = PostgresSchema.create();
        }
        return schema;
    }

    /** The profiles of the shared context. */
    public static final class Profiles implements ActiveProfilesResolver {

        @Override
        public String[] resolve(Class<?> testClass) {
            return isPostgres() ? new String[] {"postgres", "it", "it-postgres"} : new String[] {"it"};
        }
    }

    /** Drops the test schema when the context closes, after the connection pool (which depends on it) is closed. */
    @Configuration(proxyBeanMethods = false)
    @Profile("it-postgres")
    static class SchemaLifecycle {

        private static final String SCHEMA_BEAN = "cxloopTestSchema";

        @Bean(name = SCHEMA_BEAN, destroyMethod = "close")
        PostgresSchema cxloopTestSchema() {
            return schema();
        }

        @Bean
        static BeanFactoryPostProcessor dataSourceNeedsTheTestSchema() {
            return beanFactory -> {
                BeanDefinition dataSource = beanFactory.getBeanDefinition("dataSource");
                String[] dependsOn = dataSource.getDependsOn() == null ? new String[0] : dataSource.getDependsOn();
                String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
                extended[dependsOn.length] = SCHEMA_BEAN;
                dataSource.setDependsOn(extended);
            };
        }
    }
}
