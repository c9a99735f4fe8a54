package io.cxloop.engine.camunda;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;

/**
 * Camunda's Spring configuration, taking the MyBatis mappings that {@link CamundaMappings} parsed while the context
 * was built instead of parsing them on the main thread. What it does with them is what Camunda does after its own
 * parse: the environment (the engine's data source and transactions), the statement time-out, batch execution.
 */
final class PreparedMappingsProcessEngineConfiguration extends SpringProcessEngineConfiguration {

    private final CamundaMappings mappings;

    PreparedMappingsProcessEngineConfiguration(CamundaMappings mappings) {
        this.mappings = mappings;
    }

    @Override
    protected void initSqlSessionFactory() {
        Configuration configuration = sqlSessionFactory != null || isUseSharedSqlSessionFactory() || mappings == null
                ? null
                : mappings.take(getDatabaseType(), getDatabaseTablePrefix());
        if (configuration == null) {
            super.initSqlSessionFactory();
            return;
        }
        configuration.setEnvironment(new Environment("default", getTransactionFactory(), getDataSource()));
        configuration.setDefaultStatementTimeout(getJdbcStatementTimeout());
        if (isJdbcBatchProcessing()) {
            configuration.setDefaultExecutorType(ExecutorType.BATCH);
        }
        sqlSessionFactory = new DefaultSqlSessionFactory(configuration);
    }

    /** Whether the engine took the mappings parsed ahead. */
    boolean tookPreparedMappings() {
        return mappings != null && mappings.taken();
    }
}
